package org.casetrail.disclosures.policy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

final class PolicyResponses {

    private PolicyResponses() {
    }

    record PublishedResponse(String version) {
    }

    record AcknowledgementReportResponse(String version, String title, LocalDate effectiveFrom, Instant publishedAt,
                                         List<StaffMemberResponse> acknowledged,
                                         List<StaffMemberResponse> notAcknowledged) {
    }

    record StaffMemberResponse(String userId, String displayName, Instant acknowledgedAt, LocalDate trainingCompletedOn) {
    }
}
