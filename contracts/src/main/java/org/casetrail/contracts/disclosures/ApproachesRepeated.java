package org.casetrail.contracts.disclosures;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * The approach just recorded is the {@code approachesInWindow}-th from the same counterpart within
 * {@code windowDays} days (domain.md: three or more notify the DSL, a possible safeguarding
 * signal). Names the staff member who recorded it so the DSL can follow up; never the counterpart.
 */
@IntegrationEventType(value = "ApproachesRepeated", version = 1)
public record ApproachesRepeated(
        String approachId,
        String recordedBy,
        CounterpartType counterpartType,
        int approachesInWindow,
        int windowDays,
        Instant firstOccurredAt,
        Instant lastOccurredAt) implements IntegrationEvent {
}
