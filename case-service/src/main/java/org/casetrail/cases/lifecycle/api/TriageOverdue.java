package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was not triaged by {@code dueAt}; the Principal is told. */
@Revision("1")
public record TriageOverdue(
        String caseId,
        String schoolId,
        Instant dueAt,
        Instant recordedAt) {
}
