package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The hearing's outcome; the appeal window runs until {@code appealWindowClosesAt}. */
@Revision("1")
public record OutcomeDecided(
        String caseId,
        String schoolId,
        DisciplinaryOutcome outcome,
        String rationale,
        String decidedBy,
        Instant decidedAt,
        Instant appealWindowClosesAt) {
}
