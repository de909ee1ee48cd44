package org.casetrail.contracts.disclosures;

/**
 * The row of the decision table that made a disclosure decision, with the policy clause it serves.
 * Stable names: consumers route and report on them.
 */
public enum DisclosureRule {
    /** A student, or an ex-student under 18, who is family or a family friend. */
    P8_STUDENT_FAMILY("P8"),
    /** A student, or an ex-student under 18, on any other basis. */
    P8_STUDENT_OTHER("P8"),
    /** An ex-student of 18 or over, on any basis. */
    P8_EX_STUDENT_ADULT("P8"),
    /** A parent with whom the only relationship is the professional one. */
    P10_PARENT_SOLELY_PROFESSIONAL("P10"),
    /** A parent on any other basis (staff who are parents, friendships). */
    P10_PARENT_OTHER("P10"),
    /** A colleague or anyone else: the policy does not restrict it. */
    STAFF_OR_OTHER("P8");

    private final String clause;

    DisclosureRule(String clause) {
        this.clause = clause;
    }

    /** The policy clause (domain.md, P1...P14) the rule serves. */
    public String clause() {
        return clause;
    }
}
