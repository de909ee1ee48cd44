package org.casetrail.cases.lifecycle.query;

import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.contracts.cases.CaseCategory;
import org.springframework.data.annotation.Id;

import java.time.Instant;

record ReporterCaseDocument(@Id String id, String schoolId, String reporterId, String reference,
                            CaseCategory category, CaseStatus status, Instant submittedAt) {
}
