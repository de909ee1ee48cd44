package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;

/** A staff member reports a concern (P6, P13): opens a case. */
public record ReportConcern(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String reporterId,
        CaseCategory category,
        String summary,
        String details,
        Instant occurredAt,
        String platform,
        Subject subject,
        boolean safeguarding) {
}
