package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;

import java.time.Instant;

/** A version of a disclosure was flagged for a conduct case: prohibited by the rules, or escalated on review. */
@Revision("1")
public record DisclosureFlagged(
        String disclosureId,
        String schoolId,
        int version,
        String declarerId,
        CounterpartType counterpartType,
        DisclosureDecision decision,
        DisclosureRule rule,
        FlagReason reason,
        Instant flaggedAt) {
}
