package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The reporter withdrew their concern; the case is closed as withdrawn. */
@Revision("1")
public record ConcernWithdrawn(
        String caseId,
        String schoolId,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt) {
}
