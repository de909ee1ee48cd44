package org.casetrail.disclosures.relationship.command;

/** Stable codes of the rules a disclosure command can break; they appear in 422 problems as {@code rule}. */
final class DisclosureRules {

    static final String DATE_OF_BIRTH_REQUIRED_FOR_STUDENTS = "DATE_OF_BIRTH_REQUIRED_FOR_STUDENTS";
    static final String DATE_OF_BIRTH_NOT_IN_FUTURE = "DATE_OF_BIRTH_NOT_IN_FUTURE";
    static final String BASIS_OTHER_NEEDS_TEXT = "BASIS_OTHER_NEEDS_TEXT";
    static final String DETAILS_COMPLETE = "DETAILS_COMPLETE";
    static final String REVIEWER_IS_NOT_DECLARER = "REVIEWER_IS_NOT_DECLARER";
    static final String RATIONALE_REQUIRED = "RATIONALE_REQUIRED";
    static final String CONDITIONS_REQUIRED = "CONDITIONS_REQUIRED";
    static final String CONDITIONS_ONLY_WHEN_ATTACHED = "CONDITIONS_ONLY_WHEN_ATTACHED";
    static final String REASON_REQUIRED = "REASON_REQUIRED";
    static final String VALUE_REQUIRED = "VALUE_REQUIRED";

    private DisclosureRules() {
    }
}
