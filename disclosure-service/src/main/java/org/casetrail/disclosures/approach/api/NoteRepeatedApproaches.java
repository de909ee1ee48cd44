package org.casetrail.disclosures.approach.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The approach is the {@code approachesInWindow}-th from the same counterpart within
 * {@code windowDays} days (domain.md: three or more notify the DSL). Sent by the repetition watch;
 * an approach already noted ignores it, so a second send is harmless.
 */
public record NoteRepeatedApproaches(
        @TargetAggregateIdentifier String approachId,
        String schoolId,
        int approachesInWindow,
        int windowDays,
        Instant firstOccurredAt,
        Instant lastOccurredAt) {
}
