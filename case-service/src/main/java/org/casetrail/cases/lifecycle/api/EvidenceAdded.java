package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Evidence was added to the investigation. */
@Revision("1")
public record EvidenceAdded(
        String caseId,
        String schoolId,
        String evidenceId,
        String kind,
        String description,
        String reference,
        String sha256,
        String addedBy,
        Instant addedAt) {
}
