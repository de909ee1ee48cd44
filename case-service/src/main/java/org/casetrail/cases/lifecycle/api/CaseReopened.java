package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A closed case was reopened and awaits a new triage. */
@Revision("1")
public record CaseReopened(
        String caseId,
        String schoolId,
        String reason,
        String reopenedBy,
        Instant reopenedAt) {
}
