package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The subject was suspended as a precaution while the investigation runs. */
@Revision("1")
public record SubjectSuspendedPrecautionarily(
        String caseId,
        String schoolId,
        String subjectUserId,
        String reason,
        LocalDate from,
        LocalDate until,
        String suspendedBy,
        Instant recordedAt) {
}
