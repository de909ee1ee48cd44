package org.casetrail.platform.domain;

/**
 * A command broke a rule of domain.md (conflict of interest, too little notice, ...).
 * Answered with 422 naming the rule; nothing is stored.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String rule;

    public DomainRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable code for the rule, e.g. {@code INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT}. */
    public String rule() {
        return rule;
    }
}
