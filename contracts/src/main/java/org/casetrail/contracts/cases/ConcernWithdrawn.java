package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * The reporter withdrew their concern; the case is closed (resolution {@code WITHDRAWN}). The reason is
 * never published.
 */
@IntegrationEventType(value = "CaseConcernWithdrawn", version = 1)
public record ConcernWithdrawn(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String reporterId,
        String subjectUserId,
        Instant withdrawnAt) implements IntegrationEvent {
}
