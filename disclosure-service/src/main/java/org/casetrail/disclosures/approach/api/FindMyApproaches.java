package org.casetrail.disclosures.approach.api;

/** The approaches a staff member recorded (api.md, {@code GET /api/v1/approaches/mine}). */
public record FindMyApproaches(String schoolId, String recorderId) {
}
