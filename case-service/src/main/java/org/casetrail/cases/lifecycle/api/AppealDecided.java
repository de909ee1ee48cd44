package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The appeal was decided; the case is closed. */
@Revision("1")
public record AppealDecided(
        String caseId,
        String schoolId,
        AppealDecision decision,
        DisciplinaryOutcome variedOutcome,
        String rationale,
        String decidedBy,
        Instant decidedAt) {
}
