package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A POLICY_QUERY was not answered by {@code dueAt}. */
@Revision("1")
public record PolicyQueryOverdue(
        String caseId,
        String schoolId,
        Instant dueAt,
        Instant recordedAt) {
}
