package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A concern was reported and a case opened. Deliberately carries no summary or details:
 * consumers route on category and people, and notifications never carry allegation content.
 *
 * @param subjectUserId the directory id of the staff member the concern is about, if any;
 *                      consumers use it only to keep the subject out of the loop
 */
@IntegrationEventType(value = "CaseConcernReported", version = 1)
public record ConcernReported(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String reporterId,
        String subjectUserId,
        Instant submittedAt) implements IntegrationEvent {
}
