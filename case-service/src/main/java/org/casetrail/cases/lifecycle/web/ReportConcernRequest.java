package org.casetrail.cases.lifecycle.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.casetrail.cases.lifecycle.api.SubjectType;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;

/** The body of {@code POST /api/v1/concerns} (api.md). Limits keep one report a readable size. */
record ReportConcernRequest(
        @NotNull CaseCategory category,
        @NotBlank @Size(max = 200) String summary,
        @NotBlank @Size(max = 10_000) String details,
        @NotNull @PastOrPresent Instant occurredAt,
        @Size(max = 100) String platform,
        @Valid SubjectRequest subject,
        Boolean safeguarding) {

    record SubjectRequest(@NotNull SubjectType type, @Size(max = 64) String userId, @Size(max = 200) String name) {
    }
}
