package org.casetrail.cases.deadlines;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the watch on a fixed delay; off with {@code casetrail.cases.deadlines.watch.enabled=false}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.cases.deadlines.watch", name = "enabled", matchIfMissing = true)
class DeadlineScheduling {

    private final DeadlineWatch watch;

    DeadlineScheduling(DeadlineWatch watch) {
        this.watch = watch;
    }

    @Scheduled(initialDelayString = "${casetrail.cases.deadlines.watch.fixed-delay:PT30S}",
            fixedDelayString = "${casetrail.cases.deadlines.watch.fixed-delay:PT30S}")
    void look() {
        watch.fireDue();
    }
}
