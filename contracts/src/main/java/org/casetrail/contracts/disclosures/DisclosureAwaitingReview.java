package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A disclosure version was decided {@code PERMITTED_TRANSPARENT} (on declaration, amendment or
 * re-evaluation) and waits for the Principal's review (domain.md, P8 and P10). Carries no name
 * and no description: the Principal reads them in disclosure-service.
 *
 * @param clause the policy clause concerned, {@code P8} or {@code P10}
 */
@IntegrationEventType(value = "DisclosureAwaitingReview", version = 1)
public record DisclosureAwaitingReview(
        String disclosureId,
        int version,
        String declarerId,
        CounterpartType counterpartType,
        DisclosureDecision decision,
        DisclosureRule rule,
        String clause,
        Instant decidedAt) implements IntegrationEvent {
}
