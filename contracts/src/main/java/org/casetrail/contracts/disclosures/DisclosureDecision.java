package org.casetrail.contracts.disclosures;

/** What the rules decided about a declared relationship (domain.md, the disclosure decision table). */
public enum DisclosureDecision {
    /** Allowed; recorded for transparency only. */
    PERMITTED,
    /** Allowed if open: a senior leader reviews it. */
    PERMITTED_TRANSPARENT,
    /** Not allowed by the policy: flagged, and a conduct case follows. */
    PROHIBITED
}
