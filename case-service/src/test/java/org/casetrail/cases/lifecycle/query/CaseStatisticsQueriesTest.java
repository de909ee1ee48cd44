package org.casetrail.cases.lifecycle.query;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the statistics measure a case's history, without Spring or Mongo. */
class CaseStatisticsQueriesTest {

    @Test
    void daysToTriageRunFromTheReportToTheFirstTriage() {
        Document history = history(
                step(0, "ConcernReported", "submittedAt", "2026-11-23T09:00:00Z"),
                step(1, "CaseTriaged", "triagedAt", "2026-11-24T21:00:00Z"),
                step(2, "CaseReopened", "reopenedAt", "2026-12-01T09:00:00Z"),
                step(3, "CaseTriaged", "triagedAt", "2026-12-09T09:00:00Z"));

        assertThat(CaseStatisticsQueries.durationsOf(history).toTriage()).isEqualTo(1.5);
        assertThat(CaseStatisticsQueries.durationsOf(history).toFindings()).isNull();
    }

    @Test
    void daysToFindingsRunFromTheLatestAssignmentBeforeTheFindings() {
        Document history = history(
                step(0, "ConcernReported", "submittedAt", "2026-11-23T09:00:00Z"),
                step(1, "CaseTriaged", "triagedAt", "2026-11-23T10:00:00Z"),
                step(2, "InvestigatorAssigned", "assignedAt", "2026-11-24T09:00:00Z"),
                step(3, "InvestigatorAssigned", "assignedAt", "2026-11-26T09:00:00Z"),
                step(4, "FindingsRecorded", "recordedAt", "2026-11-30T09:00:00Z"));

        assertThat(CaseStatisticsQueries.durationsOf(history).toFindings()).isEqualTo(4.0);
    }

    @Test
    void aStepWithoutItsTimeFieldFallsBackToWhenItWasStored() {
        Document history = history(
                step(0, "ConcernReported", "submittedAt", "2026-11-23T09:00:00Z"),
                new Document("sequence", 1L).append("type", "CaseTriaged")
                        .append("at", Date.from(java.time.Instant.parse("2026-11-25T09:00:00Z")))
                        .append("data", new Document()));

        assertThat(CaseStatisticsQueries.durationsOf(history).toTriage()).isEqualTo(2.0);
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(CaseStatisticsQueries.median(List.of())).isNull();
        assertThat(CaseStatisticsQueries.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(CaseStatisticsQueries.median(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(3.0);
        assertThat(CaseStatisticsQueries.median(List.of(1.0 / 3))).isEqualTo(0.33);
    }

    private static Document step(long sequence, String type, String field, String at) {
        return new Document("sequence", sequence).append("type", type).append("data", new Document(field, at));
    }

    private static Document history(Document... steps) {
        Document history = new Document();
        // stored keys are zero-padded sequence numbers; insert out of order to prove the sort
        for (int i = steps.length - 1; i >= 0; i--) {
            history.append(String.format("s%09d", steps[i].getLong("sequence")), steps[i]);
        }
        return history;
    }
}
