package org.casetrail.disclosures.policy.reminders;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the reminder watch on the disclosure clocks' schedule; both are off with
 * {@code casetrail.disclosures.deadlines.watch.enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.disclosures.deadlines.watch", name = "enabled", matchIfMissing = true)
class PolicyReminderScheduling {

    private final PolicyReminderWatch watch;

    PolicyReminderScheduling(PolicyReminderWatch watch) {
        this.watch = watch;
    }

    @Scheduled(initialDelayString = "${casetrail.disclosures.deadlines.watch.fixed-delay:PT1M}",
            fixedDelayString = "${casetrail.disclosures.deadlines.watch.fixed-delay:PT1M}")
    void look() {
        watch.fireDue();
    }
}
