package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.List;

/** A page of api.md's case list. */
record CaseListResponse(List<Item> items, int page, int size, long total) {

    record Item(String caseId, String reference, CaseCategory category, CaseStatus status, boolean safeguarding,
                Instant submittedAt, Instant dueAt, boolean overdue, String assigneeId) {
    }
}
