package org.casetrail.disclosures.policy.command;

/** Stable codes of the rules a policy command can break; they appear in 422 problems as {@code rule}. */
final class PolicyRules {

    static final String DETAILS_COMPLETE = "DETAILS_COMPLETE";
    static final String TRAINING_NOT_IN_FUTURE = "TRAINING_NOT_IN_FUTURE";

    private PolicyRules() {
    }
}
