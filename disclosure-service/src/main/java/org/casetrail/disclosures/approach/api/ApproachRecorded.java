package org.casetrail.disclosures.approach.api;

import org.axonframework.serialization.Revision;
import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

/** An approach and the professional response to it were recorded (P9). */
@Revision("1")
public record ApproachRecorded(
        String approachId,
        String schoolId,
        String recorderId,
        CounterpartType counterpartType,
        String counterpartName,
        String platform,
        Instant occurredAt,
        String response,
        String retainedCommunicationRef,
        boolean reportedToSeniorLeader,
        Instant recordedAt) {
}
