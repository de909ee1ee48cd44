package org.casetrail.notifications.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * When an unacknowledged urgent notification is escalated: at each duration after it was queued
 * (domain.md, "Deadlines": after 1 hour, and again after 4 hours), it is e-mailed again and the
 * Principal is told.
 *
 * @param after one duration per escalation level, in order
 * @param watch how often the watch looks for escalations that are due
 */
@ConfigurationProperties("casetrail.notifications.escalation")
public record EscalationProperties(@DefaultValue({"PT1H", "PT4H"}) List<Duration> after,
                                   @DefaultValue Watch watch) {

    public EscalationProperties {
        after = after == null ? List.of() : List.copyOf(after);
        watch = watch == null ? new Watch(true, Duration.ofSeconds(30), 100) : watch;
    }

    /** @param enabled false in tests that drive {@link EscalationWatch#fireDue()} themselves */
    public record Watch(@DefaultValue("true") boolean enabled,
                        @DefaultValue("PT30S") Duration fixedDelay,
                        @DefaultValue("100") int batchSize) {
    }
}
