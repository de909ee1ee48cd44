package org.casetrail.disclosures.relationship.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casetrail.disclosures.relationship.api.ReviewResult;

/** Bodies of the disclosure commands other than declaring (api.md, "Disclosures"). */
final class DisclosureRequests {

    private DisclosureRequests() {
    }

    record ReviewRequest(@NotNull ReviewResult result, @Size(max = 2_000) String conditions,
                         @NotBlank @Size(max = 5_000) String rationale) {
    }

    /** {@code POST .../reconfirm}: nothing to say but that it is still true; an empty object or no body. */
    record ReconfirmRequest() {
    }

    record WithdrawRequest(@NotBlank @Size(max = 2_000) String reason) {
    }
}
