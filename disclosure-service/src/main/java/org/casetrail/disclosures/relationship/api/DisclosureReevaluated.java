package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules read the current version again because a fact they depend on changed without the
 * declarer acting (today: the counterpart turned 18). Recorded whether or not the decision changed,
 * so the history shows the day was checked; {@code previousDecision} tells which.
 *
 * @param reason         why, e.g. {@link #COUNTERPART_TURNED_18}
 * @param effectiveOn    the school's day the fact changed on
 * @param counterpartAge the counterpart's age that day
 */
@Revision("1")
public record DisclosureReevaluated(
        String disclosureId,
        String schoolId,
        int version,
        String declarerId,
        CounterpartType counterpartType,
        DisclosureDecision previousDecision,
        DisclosureDecision decision,
        DisclosureRule rule,
        String reason,
        LocalDate effectiveOn,
        Integer counterpartAge,
        Instant reevaluatedAt) {

    public static final String COUNTERPART_TURNED_18 = "COUNTERPART_TURNED_18";

    public boolean changed() {
        return previousDecision != decision;
    }
}
