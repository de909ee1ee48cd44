package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;

final class ConcernResponses {

    private ConcernResponses() {
    }

    record ReportConcernResponse(String caseId, String reference, CaseStatus status) {
    }

    record MyConcernResponse(String caseId, String reference, CaseCategory category, CaseStatus status,
                             Instant submittedAt) {
    }
}
