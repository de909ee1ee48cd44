package org.casetrail.cases.lifecycle.command;

/** Stable codes of the rules a command can break; they appear in 422 problems as {@code rule}. */
final class CaseRules {

    static final String OCCURRED_NOT_IN_FUTURE = "OCCURRED_NOT_IN_FUTURE";
    static final String REPORTER_IS_NOT_SUBJECT = "REPORTER_IS_NOT_SUBJECT";
    static final String SAFEGUARDING_ONLY_ON_SAFEGUARDING_OR_CONDUCT = "SAFEGUARDING_ONLY_ON_SAFEGUARDING_OR_CONDUCT";
    static final String SUBJECT_IDENTIFIABLE = "SUBJECT_IDENTIFIABLE";

    private CaseRules() {
    }
}
