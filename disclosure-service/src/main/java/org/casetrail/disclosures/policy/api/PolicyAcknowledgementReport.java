package org.casetrail.disclosures.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who has and who has not acknowledged a version. The school's staff are those the directory names
 * with the STAFF role and active today; someone who acknowledged and has since left stays listed.
 */
public record PolicyAcknowledgementReport(
        String version,
        String title,
        LocalDate effectiveFrom,
        Instant publishedAt,
        List<StaffMember> acknowledged,
        List<StaffMember> notAcknowledged) {

    /** @param trainingCompletedOn when HR recorded the training as completed, if it has */
    public record StaffMember(String userId, String displayName, Instant acknowledgedAt, LocalDate trainingCompletedOn) {
    }
}
