package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the deadlines watch the day after {@code dueOn}: report an unconfirmed disclosure to the
 * Principal. Ignored when re-confirmed, amended or withdrawn in time, or already reported.
 */
public record ReportReconfirmationOverdue(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        LocalDate dueOn) {
}
