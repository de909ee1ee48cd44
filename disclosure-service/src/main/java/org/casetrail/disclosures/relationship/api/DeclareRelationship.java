package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A staff member discloses a personal social-media relationship (P8, P10): the rules decide at once. */
public record DeclareRelationship(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        String declarerId,
        RelationshipDetails details) {
}
