package org.casetrail.cases.deadlines;

import org.casetrail.platform.testing.MutableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.casetrail.cases.lifecycle.api.AcknowledgeSafeguarding;
import org.casetrail.cases.lifecycle.api.DeadlineKind;
import org.casetrail.cases.lifecycle.api.ReportConcern;
import org.casetrail.cases.lifecycle.api.SafeguardingAcknowledgementEscalated;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.testing.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines on this machine's stack, with a clock the test moves: the watch is driven by hand
 * (the scheduler is off), the schedule is what the tracking projection wrote to Mongo.
 */
@SpringBootTest(properties = "casetrail.cases.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
class DeadlinesIT {

    private static final String SCHOOL = "school-deadlines-it";
    /** A Wednesday morning in London. */
    private static final Instant START = Instant.parse("2030-01-09T09:00:00Z");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-deadlines-it", "${spring.embedded.kafka.brokers}");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START, ZoneId.of("Europe/London"));
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    DeadlineProperties properties;

    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String dsl = "dsl-" + UUID.randomUUID();

    @Test
    void anUnacknowledgedSafeguardingCaseIsEscalatedAfterOneHourAndAgainAfterFour() {
        String caseId = reportSafeguarding();

        watch.fireDue();
        assertThat(escalationLevels(caseId)).isEmpty();

        clock.advance(Duration.ofMinutes(61));
        watch.fireDue();
        assertThat(escalationLevels(caseId)).containsExactly(1);
        watch.fireDue(); // DONE: not reported again
        assertThat(escalationLevels(caseId)).containsExactly(1);

        clock.advance(Duration.ofHours(3));
        watch.fireDue();
        assertThat(escalationLevels(caseId)).containsExactly(1, 2);

        DomainEventMessage<?> escalation = events(caseId).stream()
                .filter(e -> e.getPayload() instanceof SafeguardingAcknowledgementEscalated).findFirst().orElseThrow();
        assertThat(escalation.getMetaData().get(AuditMetadata.ACTOR_ID)).isEqualTo("system:deadlines");
        assertThat(escalation.getMetaData().get(AuditMetadata.ACTOR_ROLE)).isEqualTo("SYSTEM");
        assertThat(watch.deadlinesOf(caseId)).filteredOn(d -> d.kind() == DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION)
                .extracting(CaseDeadlineDocument::state).containsExactly(DeadlineState.DONE);
    }

    @Test
    void theDslsAcknowledgementStopsFurtherEscalations() {
        String caseId = reportSafeguarding();
        clock.advance(Duration.ofMinutes(61));
        watch.fireDue();
        assertThat(escalationLevels(caseId)).containsExactly(1);

        commands.sendAndWait(new AcknowledgeSafeguarding(caseId, SCHOOL, dsl, Set.of(Role.STAFF, Role.DSL), "on it"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(watch.deadlinesOf(caseId))
                .filteredOn(d -> d.kind() == DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION)
                .extracting(CaseDeadlineDocument::state).containsExactly(DeadlineState.CANCELLED));

        clock.advance(Duration.ofHours(4));
        watch.fireDue();
        assertThat(escalationLevels(caseId)).containsExactly(1);
    }

    /**
     * Durable: the schedule is a Mongo document, and a watch that knows nothing but Mongo (as after
     * a restart, in a new context) reports it.
     */
    @Test
    void theScheduleIsInMongoSoItSurvivesARestart() {
        Instant reportedAt = clock.instant();
        String caseId = reportSafeguarding();

        Document stored = mongo.getCollection(DeadlinesProjection.COLLECTION)
                .find(new Document("_id", caseId + ":ACKNOWLEDGEMENT_FIRST_ESCALATION:0")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("state")).isEqualTo("PENDING");
        assertThat(stored.getString("schoolId")).isEqualTo(SCHOOL);
        assertThat(stored.get("dueAt", Date.class).toInstant()).isEqualTo(reportedAt.plus(Duration.ofHours(1)));

        DeadlineWatch afterRestart = new DeadlineWatch(mongo, commands, clock, properties);
        clock.advance(Duration.ofMinutes(61));
        afterRestart.fireDue();
        assertThat(escalationLevels(caseId)).containsExactly(1);
    }

    private String reportSafeguarding() {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReportConcern(caseId, SCHOOL, reporter, CaseCategory.SAFEGUARDING, "a child at risk",
                "details", null, "Instagram", null, true));
        // the tracking projection writes the schedule shortly after the event is stored
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(watch.deadlinesOf(caseId))
                .extracting(CaseDeadlineDocument::kind).containsExactlyInAnyOrder(
                        DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION,
                        DeadlineKind.TRIAGE));
        return caseId;
    }

    private List<DomainEventMessage<?>> events(String caseId) {
        return eventStore.readEvents(caseId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private List<Integer> escalationLevels(String caseId) {
        return events(caseId).stream().map(DomainEventMessage::getPayload)
                .filter(SafeguardingAcknowledgementEscalated.class::isInstance)
                .map(p -> ((SafeguardingAcknowledgementEscalated) p).level()).toList();
    }
}
