package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A disciplinary hearing was scheduled: the written notice to the subject. From this event on the
 * subject may be told about the case; nothing of the allegation or the findings travels with it.
 *
 * @param companionAllowed whether the subject was told of the right to be accompanied
 */
@IntegrationEventType(value = "CaseHearingScheduled", version = 1)
public record HearingScheduled(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String subjectUserId,
        String investigatorId,
        String decisionMakerId,
        Instant scheduledFor,
        Instant noticeGivenAt,
        boolean companionAllowed) implements IntegrationEvent {
}
