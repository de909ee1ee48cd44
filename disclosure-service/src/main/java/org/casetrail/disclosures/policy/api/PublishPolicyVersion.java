package org.casetrail.disclosures.policy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An ADMIN publishes a version of the school's social media policy (domain.md, "Policy acknowledgement"; P2). */
public record PublishPolicyVersion(
        @TargetAggregateIdentifier String policyVersionId,
        String schoolId,
        String version,
        String title,
        String text,
        LocalDate effectiveFrom,
        String publishedBy) {
}
