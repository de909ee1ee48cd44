package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A disclosure was decided again without the declarer acting, because a fact the rules read has
 * changed: today, a student counterpart turning 18 on {@code effectiveOn} (the school's date).
 *
 * @param reason why it was re-evaluated, e.g. {@code COUNTERPART_TURNED_18}
 */
@IntegrationEventType(value = "DisclosureReevaluated", version = 1)
public record DisclosureReevaluated(
        String disclosureId,
        int version,
        String declarerId,
        CounterpartType counterpartType,
        DisclosureDecision previousDecision,
        DisclosureDecision decision,
        DisclosureRule rule,
        String reason,
        LocalDate effectiveOn,
        Instant reevaluatedAt) implements IntegrationEvent {
}
