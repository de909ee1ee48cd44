package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The declarer replaces their disclosure with a new version; the rules decide again. */
public record AmendDisclosure(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        String declarerId,
        RelationshipDetails details) {
}
