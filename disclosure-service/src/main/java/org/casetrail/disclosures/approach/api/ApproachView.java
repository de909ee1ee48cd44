package org.casetrail.disclosures.approach.api;

import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

public record ApproachView(String approachId, CounterpartType counterpartType, String counterpartName, String platform,
                           Instant occurredAt, String response, String retainedCommunicationRef,
                           boolean reportedToSeniorLeader, Instant recordedAt) {
}
