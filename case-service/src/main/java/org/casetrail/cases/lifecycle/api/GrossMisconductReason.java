package org.casetrail.cases.lifecycle.api;

/** Why a breach amounts to gross misconduct (P12, P6); {@code OTHER} needs a text. */
public enum GrossMisconductReason {
    BULLYING_COLLEAGUES, SERIOUS_DAMAGE_TO_SCHOOL, PLACING_CHILD_AT_RISK, OTHER
}
