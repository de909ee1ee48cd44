package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A case was not triaged in time (domain.md, "Deadlines": 2 working days from the report or the
 * reopening); the Principal is told, urgently.
 *
 * @param subjectUserId the subject's directory id, if staff; consumers use it only to keep the subject
 *                      out of the loop (the subject is not told before the hearing notice)
 * @param dueAt         when the triage was due
 * @param recordedAt    when the case recorded it overdue
 */
@IntegrationEventType(value = "CaseTriageOverdue", version = 1)
public record TriageOverdue(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String subjectUserId,
        Instant dueAt,
        Instant recordedAt) implements IntegrationEvent {
}
