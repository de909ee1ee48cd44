package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records on a disclosure the STAFF_CONDUCT case case-service opened from its flag (domain.md,
 * "Disclosures": linked both ways). Sent by the system on case-service's event; idempotent.
 */
public record LinkCase(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        int version,
        String caseId,
        String caseReference) {
}
