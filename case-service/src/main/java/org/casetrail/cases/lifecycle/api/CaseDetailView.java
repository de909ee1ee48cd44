package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A case's current state and its history of steps, each with who, when, and what was recorded. */
public record CaseDetailView(
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
        Subject subject,
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
        String disclosureId,
        List<Step> history) {

    /** One stored event: its type, the actor from its audit metadata, its time, and its recorded fields. */
    public record Step(long sequence, String type, String actorId, String actorRole, Instant at,
                       Map<String, Object> data) {
    }
}
