package org.casetrail.disclosures.policy.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A version of the school's policy was published; every staff member is to acknowledge it. */
@Revision("1")
public record PolicyVersionPublished(
        String policyVersionId,
        String schoolId,
        String version,
        String title,
        String text,
        LocalDate effectiveFrom,
        String publishedBy,
        Instant publishedAt) {
}
