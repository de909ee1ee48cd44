package org.casetrail.disclosures.policy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Bodies of the policy-version endpoints (api.md, "Disclosures"; training completions are an addition). */
final class PolicyRequests {

    /** A version names itself in paths: letters, digits, dots, dashes and underscores, as in {@code 2026.1}. */
    static final String VERSION = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";

    private PolicyRequests() {
    }

    record PublishRequest(@NotBlank @Pattern(regexp = VERSION) String version,
                          @NotBlank @Size(max = 200) String title,
                          @NotBlank @Size(max = 50_000) String text,
                          @NotNull LocalDate effectiveFrom) {
    }

    /** api.md: {@code {}}; an empty object or no body. */
    record AcknowledgeRequest() {
    }

    record TrainingRequest(@NotBlank @Size(max = 64) String userId,
                           @NotNull @PastOrPresent LocalDate completedOn) {
    }
}
