package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules decided on one version of a disclosure (on declaration or amendment).
 *
 * @param decidedOn           the day in the school's zone the counterpart's age was taken on
 * @param counterpartAge      the counterpart's age in whole years that day, or null when unknown
 * @param declarerId          who declared it (added later: null in events stored before)
 * @param counterpartType     the version's counterpart type (added later: null in events stored before)
 * @param reconfirmationDueOn the day by which the declarer re-confirms it: a declaration or an amendment
 *                            starts the year afresh (added later: null in events stored before, read as
 *                            {@code decidedOn} plus a year)
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
        Instant decidedAt,
        String declarerId,
        CounterpartType counterpartType,
        LocalDate reconfirmationDueOn) {
}
