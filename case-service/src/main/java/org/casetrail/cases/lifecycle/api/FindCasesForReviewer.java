package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;

import java.util.Set;

/** The cases of a school the caller may see, filtered as api.md's GET /api/v1/cases; null filters match all. */
public record FindCasesForReviewer(String schoolId, String actorId, Set<Role> actorRoles, CaseStatus status,
                                   CaseCategory category, Boolean overdue, String assignee, int page, int size) {
}
