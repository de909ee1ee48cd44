package org.casetrail.disclosures.relationship.api;

import org.casetrail.contracts.disclosures.DisclosureDecision;

/** Where a disclosure's current version stands. */
public enum DisclosureState {
    /** PERMITTED: recorded for transparency, nothing more to do. */
    RECORDED,
    /** PERMITTED_TRANSPARENT or PROHIBITED: a senior leader has yet to review it. */
    AWAITING_REVIEW,
    /** The Principal reviewed the current version. */
    REVIEWED,
    /** The declarer withdrew it; its history stays. */
    WITHDRAWN;

    /** The state a freshly decided version starts in. */
    public static DisclosureState afterDecision(DisclosureDecision decision) {
        return decision == DisclosureDecision.PERMITTED ? RECORDED : AWAITING_REVIEW;
    }
}
