package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The declarer withdraws their disclosure, typically because the relationship ended. */
public record WithdrawDisclosure(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        String declarerId,
        String reason) {
}
