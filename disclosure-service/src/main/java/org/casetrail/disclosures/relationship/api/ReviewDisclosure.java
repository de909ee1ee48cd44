package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Principal reviews a disclosure that needs a senior leader's eyes (P8, P10). */
public record ReviewDisclosure(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        String reviewerId,
        ReviewResult result,
        String conditions,
        String rationale) {
}
