package org.casetrail.contracts.disclosures;

/** Who the other side of a disclosed relationship or a recorded approach is (domain.md, "Disclosures"). */
public enum CounterpartType {
    STUDENT, EX_STUDENT, PARENT, STAFF, OTHER
}
