package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** P6: the DSL had not acknowledged a safeguarding case in time; escalated to the Principal (level 1, then 2). */
@Revision("1")
public record SafeguardingAcknowledgementEscalated(
        String caseId,
        String schoolId,
        int level,
        Instant dueAt,
        Instant escalatedAt) {
}
