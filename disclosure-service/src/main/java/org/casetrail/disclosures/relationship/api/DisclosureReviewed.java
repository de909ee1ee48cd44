package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The Principal reviewed a version of a disclosure. */
@Revision("1")
public record DisclosureReviewed(
        String disclosureId,
        String schoolId,
        int version,
        String reviewerId,
        ReviewResult result,
        String conditions,
        String rationale,
        Instant reviewedAt) {
}
