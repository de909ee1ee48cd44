package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;

/** What a reporter may know of their own report: that it exists and where it stands, nothing more. */
public record ReporterCaseView(String caseId, String reference, CaseCategory category, CaseStatus status,
                               Instant submittedAt) {
}
