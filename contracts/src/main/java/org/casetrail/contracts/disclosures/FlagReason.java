package org.casetrail.contracts.disclosures;

/** Why a disclosure was flagged for a conduct case. */
public enum FlagReason {
    /** The rules decided the relationship is prohibited. */
    PROHIBITED,
    /** The Principal escalated it on review. */
    ESCALATED
}
