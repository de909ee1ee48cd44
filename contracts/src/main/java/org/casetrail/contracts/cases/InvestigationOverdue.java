package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * P4: an investigation had not reached findings in time (domain.md, "Deadlines": 20 working days from
 * the investigator's assignment); the Principal and HR are told, urgently.
 *
 * @param investigatorId the investigator assigned when the clock ran out
 * @param subjectUserId  the subject's directory id, if staff; consumers use it only to keep the subject
 *                       out of the loop
 * @param dueAt          when the findings were due
 * @param recordedAt     when the case recorded it overdue
 */
@IntegrationEventType(value = "CaseInvestigationOverdue", version = 1)
public record InvestigationOverdue(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String investigatorId,
        String subjectUserId,
        Instant dueAt,
        Instant recordedAt) implements IntegrationEvent {
}
