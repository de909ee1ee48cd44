package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A case was triaged (again, after a reopening). Carries no route rationale: consumers only need to
 * know who is working the case.
 *
 * @param investigatorId the investigator already assigned to the case, if any (a reopened case keeps
 *                       its investigator); usually null at a first triage
 * @param subjectUserId  the subject's directory id, if staff; consumers use it only to keep the subject
 *                       out of the loop (the subject is not told before the hearing notice)
 */
@IntegrationEventType(value = "CaseTriaged", version = 1)
public record CaseTriaged(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String investigatorId,
        String subjectUserId,
        Instant triagedAt) implements IntegrationEvent {
}
