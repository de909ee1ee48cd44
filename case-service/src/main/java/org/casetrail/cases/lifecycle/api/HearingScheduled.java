package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A disciplinary hearing was scheduled with written notice. */
@Revision("1")
public record HearingScheduled(
        String caseId,
        String schoolId,
        Instant scheduledFor,
        Instant noticeGivenAt,
        String decisionMakerId,
        String decisionMakerOverrideReason,
        boolean companionAllowed,
        String scheduledBy,
        Instant scheduledAt) {
}
