package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The declarer replaced the disclosure with a new version; earlier versions stay in the history. */
@Revision("1")
public record DisclosureAmended(
        String disclosureId,
        String schoolId,
        String declarerId,
        int version,
        RelationshipDetails details,
        Instant amendedAt) {
}
