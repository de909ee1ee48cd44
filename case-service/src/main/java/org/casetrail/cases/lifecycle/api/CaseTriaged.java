package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was triaged onto a route. */
@Revision("1")
public record CaseTriaged(
        String caseId,
        String schoolId,
        TriageRoute route,
        Severity severity,
        String rationale,
        String triagedBy,
        Instant triagedAt) {
}
