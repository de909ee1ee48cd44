package org.casetrail.cases.lifecycle.query;

import org.casetrail.contracts.Role;

import java.time.Instant;
import java.util.Set;

/**
 * P5: the monitoring figures of one school (api.md, {@code GET /api/v1/statistics}), over the cases
 * submitted in {@code [from, to)}; a null bound is open. Only the cases the caller may see are counted
 * (the subject of a case never learns of it, not even as a count).
 */
public record FindCaseStatistics(String schoolId, String actorId, Set<Role> actorRoles, Instant from, Instant to) {
}
