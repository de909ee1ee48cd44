package org.casetrail.disclosures.approach.query;

import org.casetrail.contracts.disclosures.CounterpartType;
import org.springframework.data.annotation.Id;

import java.time.Instant;

record ApproachDocument(@Id String id, String schoolId, String recorderId, CounterpartType counterpartType,
                        String counterpartName, String platform, Instant occurredAt, String response,
                        String retainedCommunicationRef, boolean reportedToSeniorLeader, Instant recordedAt) {
}
