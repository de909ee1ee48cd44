package org.casetrail.disclosures.deadlines;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the watch on a fixed delay; off with {@code casetrail.disclosures.deadlines.watch.enabled=false}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.disclosures.deadlines.watch", name = "enabled", matchIfMissing = true)
class DisclosureDeadlineScheduling {

    private final DisclosureDeadlineWatch watch;

    DisclosureDeadlineScheduling(DisclosureDeadlineWatch watch) {
        this.watch = watch;
    }

    @Scheduled(initialDelayString = "${casetrail.disclosures.deadlines.watch.fixed-delay:PT1M}",
            fixedDelayString = "${casetrail.disclosures.deadlines.watch.fixed-delay:PT1M}")
    void look() {
        watch.fireDue();
    }
}
