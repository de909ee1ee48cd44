package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An investigation interview was recorded. */
@Revision("1")
public record InterviewRecorded(
        String caseId,
        String schoolId,
        String interviewId,
        String intervieweeId,
        String intervieweeName,
        Instant heldAt,
        String summary,
        String accompaniedBy,
        String recordedBy,
        Instant recordedAt) {
}
