package org.casetrail.disclosures.approach.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

/**
 * A staff member records an approach from a student, ex-student or parent and the professional
 * response they gave (P9).
 *
 * @param retainedCommunicationRef where the retained communication can be found (a screenshot's file, a message id)
 */
public record RecordApproach(
        @TargetAggregateIdentifier String approachId,
        String schoolId,
        String recorderId,
        CounterpartType counterpartType,
        String counterpartName,
        String platform,
        Instant occurredAt,
        String response,
        String retainedCommunicationRef,
        boolean reportedToSeniorLeader) {
}
