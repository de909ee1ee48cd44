package org.casetrail.disclosures.policy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A staff member acknowledges having read the version (P2). Acknowledging twice changes nothing. */
public record AcknowledgePolicyVersion(
        @TargetAggregateIdentifier String policyVersionId,
        String schoolId,
        String userId) {
}
