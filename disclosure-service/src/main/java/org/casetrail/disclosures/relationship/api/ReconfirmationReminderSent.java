package org.casetrail.disclosures.relationship.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The declarer was reminded to re-confirm by {@code dueOn}. */
@Revision("1")
public record ReconfirmationReminderSent(
        String disclosureId,
        String schoolId,
        String declarerId,
        LocalDate dueOn,
        int reminder,
        Instant remindedAt) {
}
