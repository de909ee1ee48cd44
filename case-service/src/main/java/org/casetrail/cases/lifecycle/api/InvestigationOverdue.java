package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** P4: the investigation had not reached findings by {@code dueAt}; the Principal and HR are told. */
@Revision("1")
public record InvestigationOverdue(
        String caseId,
        String schoolId,
        String investigatorId,
        Instant dueAt,
        Instant recordedAt) {
}
