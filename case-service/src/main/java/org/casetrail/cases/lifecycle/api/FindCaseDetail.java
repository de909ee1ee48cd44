package org.casetrail.cases.lifecycle.api;

import org.casetrail.contracts.Role;

import java.util.Set;

/** One case with its current state, for a caller who may see it (api.md, {@code GET /api/v1/cases/{caseId}}). */
public record FindCaseDetail(String caseId, String schoolId, String actorId, Set<Role> actorRoles) {
}
