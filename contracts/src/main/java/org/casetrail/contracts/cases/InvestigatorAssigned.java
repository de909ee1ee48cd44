package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * An investigator was assigned to a case.
 *
 * @param subjectUserId the subject's directory id, if staff; consumers use it only to keep the subject
 *                      out of the loop (the subject is not told before the hearing notice)
 */
@IntegrationEventType(value = "CaseInvestigatorAssigned", version = 1)
public record InvestigatorAssigned(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String investigatorId,
        String subjectUserId,
        Instant assignedAt) implements IntegrationEvent {
}
