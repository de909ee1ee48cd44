package org.casetrail.disclosures.approach.command;

/** Stable codes of the rules an approach record can break; they appear in 422 problems as {@code rule}. */
final class ApproachRules {

    static final String APPROACH_FROM_STUDENT_OR_PARENT = "APPROACH_FROM_STUDENT_OR_PARENT";
    static final String RESPONSE_REQUIRED = "RESPONSE_REQUIRED";
    static final String RETAINED_COMMUNICATION_REQUIRED = "RETAINED_COMMUNICATION_REQUIRED";
    static final String OCCURRED_NOT_IN_FUTURE = "OCCURRED_NOT_IN_FUTURE";

    private ApproachRules() {
    }
}
