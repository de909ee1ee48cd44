package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The declarer withdrew the disclosure; recorded, never erased. */
@Revision("1")
public record DisclosureWithdrawn(
        String disclosureId,
        String schoolId,
        String declarerId,
        String reason,
        Instant withdrawnAt) {
}
