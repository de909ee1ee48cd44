package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The hearing took place; records whether the subject was accompanied and by whom. */
@Revision("1")
public record HearingHeld(
        String caseId,
        String schoolId,
        Instant heldAt,
        boolean accompanied,
        String accompaniedBy,
        String notes,
        String recordedBy,
        Instant recordedAt) {
}
