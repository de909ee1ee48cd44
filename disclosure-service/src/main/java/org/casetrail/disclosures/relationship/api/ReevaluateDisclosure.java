package org.casetrail.disclosures.relationship.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the deadlines watch (as {@code system:deadlines}) on the day a student counterpart of
 * {@code version} turns 18. The disclosure ignores it when that version is no longer current or was
 * already re-evaluated, so sending it twice is harmless.
 */
public record ReevaluateDisclosure(
        @TargetAggregateIdentifier String disclosureId,
        String schoolId,
        int version,
        String reason,
        LocalDate effectiveOn) {
}
