package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.List;

/** One line of the case list: no allegation content, only what a reviewer needs to pick a case. */
public record CaseSummaryView(String caseId, String reference, CaseCategory category, CaseStatus status,
                              boolean safeguarding, Instant submittedAt, Instant dueAt, boolean overdue,
                              String assigneeId) {

    /** One page of the list; {@code total} counts every visible case matching the filters. */
    public record Page(List<CaseSummaryView> items, int page, int size, long total) {
    }
}
