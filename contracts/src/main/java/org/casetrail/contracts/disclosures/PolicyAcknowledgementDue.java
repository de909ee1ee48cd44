package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/** A reminder to one staff member who has not yet acknowledged the current policy version. */
@IntegrationEventType(value = "PolicyAcknowledgementDue", version = 1)
public record PolicyAcknowledgementDue(
        String version,
        String userId,
        int reminder,
        Instant remindedAt) implements IntegrationEvent {
}
