package org.casetrail.disclosures.relationship.api;

/** A staff member's own disclosures (api.md, {@code GET /api/v1/disclosures/mine}). */
public record FindMyDisclosures(String schoolId, String declarerId) {
}
