package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * P3: a {@code POLICY_QUERY} was not answered in time (domain.md, "Deadlines": 3 working days); the
 * Principal is told, urgently.
 *
 * @param subjectUserId the subject's directory id, if staff; consumers use it only to keep the subject
 *                      out of the loop
 * @param dueAt         when the answer was due
 * @param recordedAt    when the case recorded it overdue
 */
@IntegrationEventType(value = "CasePolicyQueryOverdue", version = 1)
public record PolicyQueryOverdue(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String subjectUserId,
        Instant dueAt,
        Instant recordedAt) implements IntegrationEvent {
}
