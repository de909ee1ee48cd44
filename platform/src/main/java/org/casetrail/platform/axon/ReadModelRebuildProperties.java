package org.casetrail.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param swapCheckInterval how often a rebuild checks whether a processor has caught up and its shadows can be swapped in
 * @param redrawInterval    how often the command line redraws its progress bar on a terminal
 * @param lineInterval      how often it prints a progress line when its output is not a terminal (a log, a pipe)
 */
@ConfigurationProperties("casetrail.rebuild")
public record ReadModelRebuildProperties(@DefaultValue("500ms") Duration swapCheckInterval,
                                         @DefaultValue("250ms") Duration redrawInterval,
                                         @DefaultValue("5s") Duration lineInterval) {
}
