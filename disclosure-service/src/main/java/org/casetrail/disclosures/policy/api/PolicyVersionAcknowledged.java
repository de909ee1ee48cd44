package org.casetrail.disclosures.policy.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PolicyVersionAcknowledged(
        String policyVersionId,
        String schoolId,
        String version,
        String userId,
        Instant acknowledgedAt) {
}
