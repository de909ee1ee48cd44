package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A case was closed, by a closing decision or by informal action. Cases closed by an appeal decision or
 * a withdrawal are published as {@link AppealDecided} and {@link ConcernWithdrawn}, not as this. The
 * rationale is never published.
 *
 * @param subjectUserId the subject's directory id, if staff; consumers use it only to keep the subject
 *                      out of the loop
 */
@IntegrationEventType(value = "CaseClosed", version = 1)
public record CaseClosed(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String reporterId,
        String subjectUserId,
        CaseResolution resolution,
        Instant closedAt) implements IntegrationEvent {
}
