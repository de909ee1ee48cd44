package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A breach was dealt with informally; the case is closed. */
@Revision("1")
public record InformalActionTaken(
        String caseId,
        String schoolId,
        InformalAction action,
        String description,
        String takenBy,
        Instant takenAt) {
}
