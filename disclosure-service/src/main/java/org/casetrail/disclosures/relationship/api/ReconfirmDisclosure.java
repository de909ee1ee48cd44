package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The declarer re-confirms that their disclosure is still true (yearly, domain.md). */
public record ReconfirmDisclosure(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        String declarerId) {
}
