package org.casetrail.cases.lifecycle.api;

/** The states of domain.md's case state machine. */
public enum CaseStatus {
    REPORTED, TRIAGED, INVESTIGATING, FINDINGS_RECORDED, HEARING_SCHEDULED, OUTCOME_DECIDED, APPEAL_LODGED, CLOSED
}
