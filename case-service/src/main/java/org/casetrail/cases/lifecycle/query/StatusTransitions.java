package org.casetrail.cases.lifecycle.query;

import org.casetrail.cases.lifecycle.api.*;

import java.util.Optional;

/** The status a case is in after an event, for the read models; empty when the event changes no status. */
final class StatusTransitions {

    private StatusTransitions() {
    }

    static Optional<CaseStatus> after(Object event) {
        if (event instanceof ConcernReported) {
            return Optional.of(CaseStatus.REPORTED);
        }
        if (event instanceof CaseTriaged || event instanceof CaseReopened) {
            return Optional.of(CaseStatus.TRIAGED);
        }
        if (event instanceof InvestigatorAssigned) {
            return Optional.of(CaseStatus.INVESTIGATING);
        }
        if (event instanceof FindingsRecorded) {
            return Optional.of(CaseStatus.FINDINGS_RECORDED);
        }
        if (event instanceof HearingScheduled) {
            return Optional.of(CaseStatus.HEARING_SCHEDULED);
        }
        if (event instanceof OutcomeDecided) {
            return Optional.of(CaseStatus.OUTCOME_DECIDED);
        }
        if (event instanceof AppealLodged) {
            return Optional.of(CaseStatus.APPEAL_LODGED);
        }
        if (event instanceof InformalActionTaken || event instanceof AppealDecided || event instanceof CaseClosed
                || event instanceof ConcernWithdrawn) {
            return Optional.of(CaseStatus.CLOSED);
        }
        return Optional.empty();
    }
}
