package org.casetrail.disclosures.approach.web;

import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

final class ApproachResponses {

    private ApproachResponses() {
    }

    record RecordedResponse(String approachId) {
    }

    record ApproachResponse(String approachId, CounterpartType counterpartType, String counterpartName, String platform,
                            Instant occurredAt, String response, String retainedCommunicationRef,
                            boolean reportedToSeniorLeader, Instant recordedAt) {
    }
}
