package org.casetrail.contracts.cases;

/** Case categories of domain.md. */
public enum CaseCategory {
    SAFEGUARDING, STAFF_CONDUCT, ABUSE_OF_STAFF, POLICY_QUERY
}
