package org.casetrail.disclosures.policy.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

@Revision("1")
public record TrainingCompleted(
        String policyVersionId,
        String schoolId,
        String version,
        String userId,
        LocalDate completedOn,
        String recordedBy,
        Instant recordedAt) {
}
