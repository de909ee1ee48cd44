package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The DSL acknowledged a safeguarding case. */
@Revision("1")
public record SafeguardingAcknowledged(
        String caseId,
        String schoolId,
        String note,
        String acknowledgedBy,
        Instant acknowledgedAt) {
}
