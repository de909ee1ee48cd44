package org.casetrail.disclosures.policy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** HR records that a staff member completed the training on the version (domain.md: "training completion is recorded"). */
public record RecordTrainingCompletion(
        @TargetAggregateIdentifier String policyVersionId,
        String schoolId,
        String userId,
        LocalDate completedOn,
        String recordedBy) {
}
