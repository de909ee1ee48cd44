package org.casetrail.cases.lifecycle.api;

/** The reports a staff member made, status only (api.md, {@code GET /api/v1/concerns/mine}). */
public record FindConcernsOfReporter(String schoolId, String reporterId) {
}
