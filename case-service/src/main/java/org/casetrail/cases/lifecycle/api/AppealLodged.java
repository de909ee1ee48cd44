package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An appeal against the outcome was lodged. */
@Revision("1")
public record AppealLodged(
        String caseId,
        String schoolId,
        String grounds,
        String appealDeciderId,
        String lodgedBy,
        Instant lodgedAt) {
}
