package org.casetrail.disclosures.relationship.api;

/** The Principal's answer to a disclosure under review. ESCALATED flags it like a prohibition. */
public enum ReviewResult {
    ACKNOWLEDGED, CONDITIONS_ATTACHED, ESCALATED
}
