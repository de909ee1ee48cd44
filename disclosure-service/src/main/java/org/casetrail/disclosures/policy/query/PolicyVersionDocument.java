package org.casetrail.disclosures.policy.query;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a school's policy and who acknowledged it, keyed by {@code schoolId:version}. */
record PolicyVersionDocument(@Id String id, String schoolId, String version, String title, LocalDate effectiveFrom,
                             Instant publishedAt, List<Acknowledgement> acknowledgements, List<Training> trainings) {

    record Acknowledgement(String userId, Instant acknowledgedAt) {
    }

    record Training(String userId, LocalDate completedOn) {
    }
}
