package org.casetrail.notifications.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the watch on a fixed delay; off with {@code casetrail.notifications.escalation.watch.enabled=false}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.notifications.escalation.watch", name = "enabled", matchIfMissing = true)
class EscalationScheduling {

    private final EscalationWatch watch;

    EscalationScheduling(EscalationWatch watch) {
        this.watch = watch;
    }

    @Scheduled(initialDelayString = "${casetrail.notifications.escalation.watch.fixed-delay:PT30S}",
            fixedDelayString = "${casetrail.notifications.escalation.watch.fixed-delay:PT30S}")
    void look() {
        watch.fireDue();
    }
}
