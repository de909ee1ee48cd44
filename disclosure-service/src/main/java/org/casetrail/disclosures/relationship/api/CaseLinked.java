package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A conduct case was opened from a flagged version of the disclosure; the disclosure now names it. */
@Revision("1")
public record CaseLinked(
        String disclosureId,
        String schoolId,
        int version,
        String caseId,
        String caseReference,
        Instant linkedAt) {
}
