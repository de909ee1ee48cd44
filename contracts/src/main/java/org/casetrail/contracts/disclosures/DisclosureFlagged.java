package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A relationship disclosure was flagged, either because the rules prohibit it or because the
 * Principal escalated it; case-service opens a STAFF_CONDUCT case from it. Deliberately carries
 * neither the counterpart's name nor the description: they stay inside disclosure-service.
 *
 * @param version the disclosure's version that was flagged (an amendment makes a new one)
 * @param clause  the policy clause concerned, {@code P8} or {@code P10}
 */
@IntegrationEventType(value = "DisclosureFlagged", version = 1)
public record DisclosureFlagged(
        String disclosureId,
        int version,
        String declarerId,
        CounterpartType counterpartType,
        DisclosureDecision decision,
        DisclosureRule rule,
        FlagReason reason,
        String clause,
        Instant flaggedAt) implements IntegrationEvent {
}
