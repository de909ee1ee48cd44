package org.casetrail.contracts.cases;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/** A closed case was reopened and awaits a new triage. The reason is never published. */
@IntegrationEventType(value = "CaseReopened", version = 1)
public record CaseReopened(
        String caseId,
        String reference,
        CaseCategory category,
        boolean safeguarding,
        String reporterId,
        String subjectUserId,
        String investigatorId,
        Instant reopenedAt) implements IntegrationEvent {
}
