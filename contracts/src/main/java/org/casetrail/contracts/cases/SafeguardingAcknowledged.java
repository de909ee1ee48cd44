package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * P6: the DSL acknowledged a safeguarding case; case-service stops its escalation clock. Consumers
 * (notification-service) mark the safeguarding notifications of the case acknowledged from this
 * event only, so that the inbox and the case never disagree. Carries no note.
 *
 * @param acknowledgedBy the DSL's directory id
 * @param subjectUserId  the subject's directory id, if staff; consumers use it only to keep the subject out of the loop
 */
@IntegrationEventType(value = "CaseSafeguardingAcknowledged", version = 1)
public record SafeguardingAcknowledged(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String acknowledgedBy,
        String subjectUserId,
        Instant acknowledgedAt) implements IntegrationEvent {
}
