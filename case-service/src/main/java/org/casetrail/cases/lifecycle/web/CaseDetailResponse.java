package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseResolution;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.Severity;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/v1/cases/{caseId}}. */
record CaseDetailResponse(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        CaseStatus status,
        TriageRoute route,
        Severity severity,
        String summary,
        String details,
        Instant occurredAt,
        String platform,
        SubjectResponse subject,
        String reporterId,
        Instant submittedAt,
        boolean acknowledged,
        String investigatorId,
        Boolean breachFound,
        List<String> breachedClauses,
        Boolean grossMisconduct,
        String hearingDecisionMakerId,
        Instant hearingScheduledFor,
        DisciplinaryOutcome outcome,
        Instant appealWindowClosesAt,
        String appealDeciderId,
        CaseResolution resolution,
        // The disclosure a flag opened this case for (null otherwise): the case's side of the link.
        String disclosureId,
        List<StepResponse> history) {

    record SubjectResponse(String type, String userId, String name) {
    }

    record StepResponse(long sequence, String type, String actorId, String actorRole, Instant at,
                        Map<String, Object> data) {
    }
}
