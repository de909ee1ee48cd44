package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The disclosure was not re-confirmed by {@code dueOn}: reported to the Principal. */
@Revision("1")
public record ReconfirmationOverdueReported(
        String disclosureId,
        String schoolId,
        String declarerId,
        LocalDate dueOn,
        Instant reportedAt) {
}
