package org.casetrail.cases.deadlines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The schedule, without Spring: which events start clocks, which stop them, and that replays change nothing. */
class DeadlinesProjectionTest {

    /** Friday 10:00 in London. */
    private static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");
    private static final String CASE = "c-1";
    private static final String SCHOOL = "school-a";

    private static MongoClient client;
    private MongoTemplate mongo;
    private DeadlinesProjection projection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("unused"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "cases-deadlines-projection-test");
        mongo.dropCollection(DeadlinesProjection.COLLECTION);
        projection = projection(DeadlineProperties.defaults());
    }

    private DeadlinesProjection projection(DeadlineProperties properties) {
        return new DeadlinesProjection(mongo, properties, Clock.fixed(FRIDAY, ZoneId.of("Europe/London")));
    }

    private static ConcernReported reported(CaseCategory category, boolean safeguarding) {
        return new ConcernReported(CASE, SCHOOL, "CT-2026-000001", "u-reporter", category, "summary", "details", null,
                null, null, safeguarding, FRIDAY);
    }

    private List<CaseDeadlineDocument> deadlines() {
        return mongo.find(Query.query(Criteria.where("caseId").is(CASE)), CaseDeadlineDocument.class,
                DeadlinesProjection.COLLECTION);
    }

    private CaseDeadlineDocument deadline(DeadlineKind kind, long sequence) {
        return mongo.findById(CaseDeadlineDocument.idOf(CASE, kind, sequence), CaseDeadlineDocument.class,
                DeadlinesProjection.COLLECTION);
    }

    @Test
    void aSafeguardingReportStartsBothEscalationsAndTheTriageClock() {
        projection.on(reported(CaseCategory.SAFEGUARDING, true), 0);

        assertThat(deadlines()).extracting(CaseDeadlineDocument::kind, CaseDeadlineDocument::dueAt,
                        CaseDeadlineDocument::state)
                .containsExactlyInAnyOrder(
                        tuple(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, FRIDAY.plus(Duration.ofHours(1)),
                                DeadlineState.PENDING),
                        tuple(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, FRIDAY.plus(Duration.ofHours(4)),
                                DeadlineState.PENDING),
                        // two working days after a Friday: Tuesday, same time
                        tuple(DeadlineKind.TRIAGE, Instant.parse("2026-12-01T10:00:00Z"), DeadlineState.PENDING));
        assertThat(deadline(DeadlineKind.TRIAGE, 0).id()).isEqualTo("c-1:TRIAGE:0");
    }

    @Test
    void aPolicyQueryStartsItsAnswerClockInWorkingDays() {
        projection.on(reported(CaseCategory.POLICY_QUERY, false), 0);

        assertThat(deadline(DeadlineKind.POLICY_QUERY_ANSWER, 0).dueAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(deadlines()).hasSize(2);
    }

    @Test
    void aSchoolsOwnValuesOverrideTheDefaults() {
        DeadlineProperties properties = new DeadlineProperties(Duration.ofHours(1), Duration.ofHours(4), 2, 3, 20,
                Map.of(SCHOOL, new DeadlineProperties.SchoolDeadlines(Duration.ofMinutes(30), null, 1, null, null)),
                null);
        projection(properties).on(reported(CaseCategory.SAFEGUARDING, true), 0);

        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, 0).dueAt())
                .isEqualTo(FRIDAY.plus(Duration.ofMinutes(30)));
        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, 0).dueAt())
                .isEqualTo(FRIDAY.plus(Duration.ofHours(4)));
        assertThat(deadline(DeadlineKind.TRIAGE, 0).dueAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void theAcknowledgementStopsTheEscalationsOnly() {
        projection.on(reported(CaseCategory.SAFEGUARDING, true), 0);
        projection.on(new SafeguardingAcknowledged(CASE, SCHOOL, "seen", "u-dsl", FRIDAY.plusSeconds(600)), 1);

        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, 0).state()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, 0).state())
                .isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline(DeadlineKind.TRIAGE, 0).state()).isEqualTo(DeadlineState.PENDING);
    }

    @Test
    void triageStopsTheTriageAndPolicyQueryClocks() {
        projection.on(reported(CaseCategory.POLICY_QUERY, false), 0);
        projection.on(new CaseTriaged(CASE, SCHOOL, TriageRoute.NO_FURTHER_ACTION, Severity.LOW, "answered",
                "u-principal", FRIDAY.plusSeconds(60)), 1);

        assertThat(deadlines()).extracting(CaseDeadlineDocument::state).containsOnly(DeadlineState.CANCELLED);
    }

    @Test
    void aReassignmentReplacesTheInvestigationClockAndFindingsStopIt() {
        projection.on(new InvestigatorAssigned(CASE, SCHOOL, "u-inv", "u-hr", FRIDAY), 2);
        projection.on(new InvestigatorAssigned(CASE, SCHOOL, "u-inv-2", "u-hr", FRIDAY.plus(Duration.ofDays(7))), 3);

        assertThat(deadline(DeadlineKind.INVESTIGATION, 2).state()).isEqualTo(DeadlineState.CANCELLED);
        CaseDeadlineDocument current = deadline(DeadlineKind.INVESTIGATION, 3);
        assertThat(current.state()).isEqualTo(DeadlineState.PENDING);
        // 20 working days = 4 weeks after Friday 4 December
        assertThat(current.dueAt()).isEqualTo(Instant.parse("2027-01-01T10:00:00Z"));

        projection.on(new FindingsRecorded(CASE, SCHOOL, false, List.of(), false, null, null, "none", "u-inv-2",
                FRIDAY.plus(Duration.ofDays(9))), 4);
        assertThat(deadline(DeadlineKind.INVESTIGATION, 3).state()).isEqualTo(DeadlineState.CANCELLED);
    }

    @Test
    void anOutcomeStartsTheAppealWindowAndAnAppealStopsIt() {
        Instant closesAt = FRIDAY.plus(Duration.ofDays(10));
        projection.on(new OutcomeDecided(CASE, SCHOOL, DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "r", "u-gov", FRIDAY,
                closesAt), 7);
        assertThat(deadline(DeadlineKind.APPEAL_WINDOW, 7).dueAt()).isEqualTo(closesAt);

        projection.on(new AppealLodged(CASE, SCHOOL, "grounds", "u-gov-2", "u-subject", FRIDAY.plusSeconds(60)), 8);
        assertThat(deadline(DeadlineKind.APPEAL_WINDOW, 7).state()).isEqualTo(DeadlineState.CANCELLED);
    }

    @Test
    void closingOrWithdrawingStopsEveryClock() {
        projection.on(reported(CaseCategory.POLICY_QUERY, false), 0);
        projection.on(new ConcernWithdrawn(CASE, SCHOOL, "sorted", "u-reporter", FRIDAY.plusSeconds(60)), 1);

        assertThat(deadlines()).extracting(CaseDeadlineDocument::state).containsOnly(DeadlineState.CANCELLED);
    }

    @Test
    void aReopenedCaseRunsANewTriageClock() {
        projection.on(reported(CaseCategory.STAFF_CONDUCT, false), 0);
        projection.on(new CaseClosed(CASE, SCHOOL, CaseResolution.NO_FURTHER_ACTION, "r", "u-principal", FRIDAY), 2);
        Instant reopenedAt = FRIDAY.plus(Duration.ofDays(3)); // Monday
        projection.on(new CaseReopened(CASE, SCHOOL, "new evidence", "u-principal", reopenedAt), 3);

        assertThat(deadline(DeadlineKind.TRIAGE, 0).state()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(deadline(DeadlineKind.TRIAGE, 3).dueAt()).isEqualTo(reopenedAt.plus(Duration.ofDays(2)));
    }

    @Test
    void aReplayLeavesTheSameScheduleAndKeepsWhatWasReported() {
        ConcernReported report = reported(CaseCategory.SAFEGUARDING, true);
        SafeguardingAcknowledged acknowledged = new SafeguardingAcknowledged(CASE, SCHOOL, "seen", "u-dsl",
                FRIDAY.plus(Duration.ofHours(2)));
        projection.on(report, 0);
        // the watch reported the first escalation before the DSL acknowledged
        mongo.updateFirst(Query.query(Criteria.where("_id").is("c-1:ACKNOWLEDGEMENT_FIRST_ESCALATION:0")),
                Update.update("state", DeadlineState.DONE), DeadlinesProjection.COLLECTION);
        projection.on(acknowledged, 2);
        List<CaseDeadlineDocument> before = deadlines();

        projection.on(report, 0);
        projection.on(acknowledged, 2);

        assertThat(deadlines()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, 0).state()).isEqualTo(DeadlineState.DONE);
        assertThat(deadline(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, 0).state())
                .isEqualTo(DeadlineState.CANCELLED);
    }

    @Test
    void aReplayedStopDoesNotCancelAClockStartedAfterIt() {
        projection.on(new InvestigatorAssigned(CASE, SCHOOL, "u-inv", "u-hr", FRIDAY), 2);
        projection.on(new FindingsRecorded(CASE, SCHOOL, false, List.of(), false, null, null, "none", "u-inv",
                FRIDAY.plusSeconds(60)), 3);
        projection.on(new CaseReopened(CASE, SCHOOL, "new evidence", "u-principal", FRIDAY.plusSeconds(120)), 5);
        projection.on(new InvestigatorAssigned(CASE, SCHOOL, "u-inv", "u-hr", FRIDAY.plusSeconds(180)), 7);

        projection.on(new FindingsRecorded(CASE, SCHOOL, false, List.of(), false, null, null, "none", "u-inv",
                FRIDAY.plusSeconds(60)), 3); // replayed

        assertThat(deadline(DeadlineKind.INVESTIGATION, 7).state()).isEqualTo(DeadlineState.PENDING);
    }
}
