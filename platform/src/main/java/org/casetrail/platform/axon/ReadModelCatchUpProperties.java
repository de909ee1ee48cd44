package org.casetrail.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param catchUpTimeout how long a caller of {@link ReadModelCatchUp#awaitCurrent()} waits at most for the read models
 *                       to have handled every stored event; past it, the caller goes on and may read a model one step behind
 */
@ConfigurationProperties("casetrail.read-models")
public record ReadModelCatchUpProperties(@DefaultValue("5s") Duration catchUpTimeout) {
}
