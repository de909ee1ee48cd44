package org.casetrail.disclosures.approach.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.approach.api.ApproachRecorded;
import org.casetrail.disclosures.approach.api.RecordApproach;
import org.casetrail.platform.domain.DomainRuleViolation;
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
}
