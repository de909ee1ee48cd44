package org.casetrail.contracts;

/** The roles of domain.md; a user holds one or more within one school. */
public enum Role {
    STAFF, DSL, HR, PRINCIPAL, INVESTIGATOR, GOVERNOR, AUDITOR, ADMIN
}
