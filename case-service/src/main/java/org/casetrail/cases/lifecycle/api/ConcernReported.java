package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;

/** A concern was reported and a case opened, with its school-unique reference. */
@Revision("1")
public record ConcernReported(
        String caseId,
        String schoolId,
        String reference,
        String reporterId,
        CaseCategory category,
        String summary,
        String details,
        Instant occurredAt,
        String platform,
        Subject subject,
        boolean safeguarding,
        Instant submittedAt) {
}
