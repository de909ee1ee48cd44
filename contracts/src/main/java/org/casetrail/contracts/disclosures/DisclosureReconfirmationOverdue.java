package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;
import java.time.LocalDate;

/** A disclosure was not re-confirmed by {@code dueOn}; reported to the Principal (domain.md). */
@IntegrationEventType(value = "DisclosureReconfirmationOverdue", version = 1)
public record DisclosureReconfirmationOverdue(
        String disclosureId,
        String declarerId,
        LocalDate dueOn,
        Instant reportedAt) implements IntegrationEvent {
}
