package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * P6: the DSL had not acknowledged a safeguarding case in time, and it is escalated to the Principal
 * (domain.md, "Deadlines": level 1 after 1 hour, level 2 after 4 hours), urgently.
 *
 * @param level         1 for the first escalation, 2 for the second
 * @param subjectUserId the subject's directory id, if staff; consumers use it only to keep the subject
 *                      out of the loop
 * @param dueAt         when the acknowledgement was due for this level
 * @param escalatedAt   when the case recorded the escalation
 */
@IntegrationEventType(value = "CaseSafeguardingEscalated", version = 1)
public record SafeguardingEscalated(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        int level,
        String subjectUserId,
        Instant dueAt,
        Instant escalatedAt) implements IntegrationEvent {
}
