package org.casetrail.disclosures.approach.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

/** The approach completed a run of approaches from one counterpart that the DSL is told of (a possible safeguarding signal). */
@Revision("1")
public record RepeatedApproachesNoted(
        String approachId,
        String schoolId,
        String recorderId,
        CounterpartType counterpartType,
        int approachesInWindow,
        int windowDays,
        Instant firstOccurredAt,
        Instant lastOccurredAt,
        Instant notedAt) {
}
