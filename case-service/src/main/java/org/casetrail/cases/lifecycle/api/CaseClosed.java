package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was closed. */
@Revision("1")
public record CaseClosed(
        String caseId,
        String schoolId,
        CaseResolution resolution,
        String rationale,
        String closedBy,
        Instant closedAt) {
}
