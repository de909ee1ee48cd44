package org.casetrail.disclosures.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** @param acknowledgedBy the ids of those who acknowledged it */
public record PolicyVersionSummary(String version, String title, LocalDate effectiveFrom, Instant publishedAt,
                                   List<String> acknowledgedBy) {
}
