package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder to the declarer that a disclosure must be re-confirmed (yearly) by {@code dueOn}.
 *
 * @param reminder 1 for the first reminder, 2 for the second, and so on
 */
@IntegrationEventType(value = "DisclosureReconfirmationDue", version = 1)
public record DisclosureReconfirmationDue(
        String disclosureId,
        String declarerId,
        LocalDate dueOn,
        int reminder,
        Instant remindedAt) implements IntegrationEvent {
}
