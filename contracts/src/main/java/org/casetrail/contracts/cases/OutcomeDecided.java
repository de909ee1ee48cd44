package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * The hearing's outcome was decided. Neither the outcome nor its rationale is published: the subject
 * and HR read them in case-service; the notification only says that there is a decision.
 */
@IntegrationEventType(value = "CaseOutcomeDecided", version = 1)
public record OutcomeDecided(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String subjectUserId,
        String decisionMakerId,
        Instant decidedAt,
        Instant appealWindowClosesAt) implements IntegrationEvent {
}
