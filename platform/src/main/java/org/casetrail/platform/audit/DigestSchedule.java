package org.casetrail.platform.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Records a digest of every school whose chains in this service's store changed since its last
 * digest, hourly by default ({@code casetrail.audit.digests.interval}). Each service that keeps
 * chains an auditor must be able to pin (cases, disclosures) turns it on with
 * {@code casetrail.audit.digests.enabled=true} and declares {@code casetrail.audit.digests.v1}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.audit.digests", name = "enabled", havingValue = "true")
public class DigestSchedule {

    private final ObjectProvider<SchoolDigests> digests;

    DigestSchedule(ObjectProvider<SchoolDigests> digests) {
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${casetrail.audit.digests.interval:PT1H}",
            fixedDelayString = "${casetrail.audit.digests.interval:PT1H}")
    void record() {
        digests.ifAvailable(SchoolDigests::recordAllChanged);
    }
}
