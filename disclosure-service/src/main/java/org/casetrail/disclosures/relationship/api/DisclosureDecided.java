package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules decided on one version of a disclosure.
 *
 * @param decidedOn        the day in the school's zone the counterpart's age was taken on
 * @param counterpartAge   the counterpart's age in whole years that day, or null when unknown
 */
@Revision("1")
public record DisclosureDecided(
        String disclosureId,
        String schoolId,
        int version,
        DisclosureDecision decision,
        DisclosureRule rule,
        LocalDate decidedOn,
        Integer counterpartAge,
        Instant decidedAt) {
}
