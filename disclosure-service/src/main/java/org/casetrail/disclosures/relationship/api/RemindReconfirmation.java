package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the deadlines watch: remind the declarer that re-confirmation is due on {@code dueOn}.
 * Ignored once re-confirmed, amended or withdrawn (the due day moved on) or when already sent.
 *
 * @param reminder 1 for the first reminder of that due day, 2 for the second, …
 */
public record RemindReconfirmation(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        LocalDate dueOn,
        int reminder) {
}
