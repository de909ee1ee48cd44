package org.casetrail.disclosures.approach.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.disclosures.CounterpartType;

import java.time.Instant;

/** The body of {@code POST /api/v1/approaches} (api.md). */
record RecordApproachRequest(
        @NotNull CounterpartType counterpartType,
        @NotBlank @Size(max = 200) String counterpartName,
        @NotBlank @Size(max = 100) String platform,
        @NotNull @PastOrPresent Instant occurredAt,
        @NotBlank @Size(max = 5_000) String response,
        @NotBlank @Size(max = 500) String retainedCommunicationRef,
        @NotNull Boolean reportedToSeniorLeader) {
}
