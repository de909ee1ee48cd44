package org.casetrail.disclosures.approach.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.approach.api.ApproachRecorded;
import org.casetrail.disclosures.approach.api.NoteRepeatedApproaches;
import org.casetrail.disclosures.approach.api.RecordApproach;
import org.casetrail.disclosures.approach.api.RepeatedApproachesNoted;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.hamcrest.Matchers.containsString;

/** domain.md, "Approach record" (P9), one test per rule. */
class ApproachRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant YESTERDAY = NOW.minusSeconds(86_400);

    private AggregateTestFixture<ApproachRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApproachRecord.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/London")));
    }

    @Test
    void anApproachIsRecordedWithTheResponseAndTheRetainedCommunication() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.EX_STUDENT, "I keep this professional.", "screenshot-7.png", YESTERDAY))
                .expectEvents(new ApproachRecorded("a-1", "school-a", "staff-1", CounterpartType.EX_STUDENT, "Alex",
                        "Instagram", YESTERDAY, "I keep this professional.", "screenshot-7.png", true, NOW));
    }

    @Test
    void approachesFromStudentsAndParentsAreRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.STUDENT, "No, thank you.", "ref", YESTERDAY))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.PARENT, "No, thank you.", "ref", YESTERDAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anApproachFromAColleagueIsNotAnApproachRecord() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.STAFF, "No.", "ref", YESTERDAY))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theProfessionalResponseIsRequired() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.STUDENT, " ", "ref", YESTERDAY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("P9"))
                .expectNoEvents();
    }

    @Test
    void theRetainedCommunicationIsReferenced() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.STUDENT, "No, thank you.", null, YESTERDAY))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnApproachThatHasNotHappenedYet() {
        fixture.givenNoPriorActivity()
                .when(record(CounterpartType.STUDENT, "No, thank you.", "ref", NOW.plusSeconds(60)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static RecordApproach record(CounterpartType type, String response, String ref, Instant occurredAt) {
        return new RecordApproach("a-1", "school-a", "staff-1", type, "Alex", "Instagram", occurredAt, response, ref, true);
    }

    @Test
    void aRunOfApproachesIsNotedOnceOnTheApproachThatCompletedIt() {
        ApproachRecorded recorded = new ApproachRecorded("a-1", "school-a", "staff-1", CounterpartType.STUDENT, "Alex",
                "Instagram", YESTERDAY, "No, thank you.", "ref", false, NOW);
        Instant first = YESTERDAY.minusSeconds(86_400 * 30L);
        fixture.given(recorded)
                .when(new NoteRepeatedApproaches("a-1", "school-a", 3, 90, first, YESTERDAY))
                .expectEvents(new RepeatedApproachesNoted("a-1", "school-a", "staff-1", CounterpartType.STUDENT, 3, 90,
                        first, YESTERDAY, NOW));
        fixture.given(recorded, new RepeatedApproachesNoted("a-1", "school-a", "staff-1", CounterpartType.STUDENT, 3, 90,
                        first, YESTERDAY, NOW))
                .when(new NoteRepeatedApproaches("a-1", "school-a", 3, 90, first, YESTERDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(recorded)
                .when(new NoteRepeatedApproaches("a-1", "school-b", 3, 90, first, YESTERDAY))
                .expectException(NotFound.class);
    }
}
