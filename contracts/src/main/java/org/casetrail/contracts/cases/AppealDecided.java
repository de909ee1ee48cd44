package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * The appeal was decided, which closes the case (resolution {@code APPEAL_DECIDED}). The decision and
 * its rationale stay in case-service.
 *
 * @param reporterId the reporter, who is told (status only) that their report is closed
 */
@IntegrationEventType(value = "CaseAppealDecided", version = 1)
public record AppealDecided(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String subjectUserId,
        String reporterId,
        String appealDeciderId,
        Instant decidedAt) implements IntegrationEvent {
}
