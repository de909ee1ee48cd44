package org.casetrail.cases.audit;

import org.casetrail.platform.audit.SchoolDigests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Records a digest of every school whose chains changed since its last digest, hourly by default
 * ({@code casetrail.audit.digests.interval}); off with {@code casetrail.audit.digests.enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.audit.digests", name = "enabled", matchIfMissing = true)
class DigestSchedule {

    private final SchoolDigests digests;

    DigestSchedule(SchoolDigests digests) {
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${casetrail.audit.digests.interval:PT1H}",
            fixedDelayString = "${casetrail.audit.digests.interval:PT1H}")
    void record() {
        digests.recordAllChanged();
    }
}
