package org.casetrail.cases.lifecycle.web;

import java.time.Instant;
import java.util.Map;

/**
 * api.md's {@code GET /api/v1/statistics}: counts by category, status, route and outcome; overdue counts;
 * median days to triage and to findings (see {@code CaseStatisticsView} for how each is measured).
 */
record StatisticsResponse(Instant from, Instant to, long cases, Map<String, Long> byCategory,
                          Map<String, Long> byStatus, Map<String, Long> byRoute, Map<String, Long> byOutcome,
                          Overdue overdue, Double medianDaysToTriage, long triaged, Double medianDaysToFindings,
                          long withFindings) {

    record Overdue(long open, Map<String, Long> byKind) {
    }
}
