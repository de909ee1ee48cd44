package org.casetrail.disclosures.deadlines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.disclosures.DisclosureAwaitingReview;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationDue;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationOverdue;
import org.casetrail.contracts.disclosures.DisclosureReevaluated;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.testing.DisclosureTopic;
import org.casetrail.disclosures.testing.ClockedStackIT;
import org.casetrail.platform.testing.MutableClock;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The disclosures' durable clocks on this machine's stack (real broker, embedded Mongo-wire server),
 * with a clock the test moves: the watch is driven by hand (the scheduler is off); the schedule is
 * what the tracking projection wrote to Mongo; what reaches the topic is read back from the broker.
 */
class DisclosureDeadlinesIT extends ClockedStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DisclosureDeadlineWatch watch;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CommandGateway commands;
    @Autowired
    DisclosureDeadlineProperties properties;
    // This context's own broker: the spring.embedded.kafka.brokers property behind
    // spring.kafka.bootstrap-servers names whichever embedded broker started last, which, once this
    // cached context is reused after another test class, is not the one the service publishes to.
    @Autowired
    EmbeddedKafkaBroker broker;
    String bootstrapServers;

    @BeforeEach
    void ownBroker() {
        bootstrapServers = broker.getBrokersAsString();
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();

    @Test
    void anExStudentTurning18IsReevaluatedOnTheDayOnceAndThePrincipalIsTold() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate turns18 = today.plusDays(3);
        String staff = "staff-" + UUID.randomUUID();
        String id = declare(staff, body("EX_STUDENT", turns18.minusYears(18), "PERSONAL_FRIENDSHIP"), "PROHIBITED");
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.deadlinesOf(id).stream()
                .anyMatch(d -> d.kind() == DisclosureDeadlineKind.COUNTERPART_TURNS_18));

        clock.set(turns18.minusDays(1).atTime(23, 59).atZone(LONDON).toInstant());
        watch.fireDue();
        assertThat(eventTypes(id)).doesNotContain("DisclosureReevaluated");

        clock.set(turns18.atStartOfDay(LONDON).toInstant());
        watch.fireDue();
        watch.fireDue(); // DONE: not sent again; had it been, the disclosure would ignore it
        assertThat(eventTypes(id)).filteredOn("DisclosureReevaluated"::equals).hasSize(1);

        // A crash after the command but before the mark, then a restart: a new watch finds the clock still
        // pending in Mongo and sends it again; the disclosure ignores it.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DisclosureDeadlineDocument.turns18Id(id, 1))),
                Update.update("state", DisclosureDeadlineState.PENDING), DisclosureDeadlinesProjection.COLLECTION);
        DisclosureDeadlineWatch restarted = new DisclosureDeadlineWatch(mongo, commands, clock, properties);
        assertThat(restarted.fireDue()).isPositive();
        assertThat(eventTypes(id)).filteredOn("DisclosureReevaluated"::equals).hasSize(1);
        assertThat(watch.deadlinesOf(id)).filteredOn(d -> d.kind() == DisclosureDeadlineKind.COUNTERPART_TURNS_18)
                .extracting(DisclosureDeadlineDocument::state).containsExactly(DisclosureDeadlineState.DONE);
        DomainEventMessage<?> reevaluated = eventStore.readEvents(id).asStream()
                .filter(m -> m.getPayloadType().getSimpleName().equals("DisclosureReevaluated")).findFirst().orElseThrow();
        assertThat(reevaluated.getMetaData().get(AuditMetadata.ACTOR_ID)).isEqualTo("system:deadlines");

        List<EventEnvelope> published = DisclosureTopic.envelopes(bootstrapServers, id,
                DisclosureTopic.ofType("DisclosureReevaluated"), 1, Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(published).hasSize(1);
        EventEnvelope envelope = published.get(0);
        assertThat(envelope.schoolId()).isEqualTo(school);
        assertThat(envelope.actor().userId()).isEqualTo("system:deadlines");
        DisclosureReevaluated payload = (DisclosureReevaluated) IntegrationEvents.payloadOf(envelope).orElseThrow();
        assertThat(payload.previousDecision()).isEqualTo(DisclosureDecision.PROHIBITED);
        assertThat(payload.decision()).isEqualTo(DisclosureDecision.PERMITTED);
        assertThat(payload.rule()).isEqualTo(DisclosureRule.P8_EX_STUDENT_ADULT);
        assertThat(payload.effectiveOn()).isEqualTo(turns18);
        assertThat(payload.declarerId()).isEqualTo(staff);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode mine = JSON.readTree(get("/api/v1/disclosures/mine", staff, Role.STAFF).body());
            assertThat(mine.get(0).get("decision").asText()).isEqualTo("PERMITTED");
            assertThat(mine.get(0).get("state").asText()).isEqualTo("RECORDED");
        });
    }

    @Test
    void aTransparentVersionAsksThePrincipalForAReviewOnDeclarationAndOnAmendment() throws Exception {
        String staff = "staff-" + UUID.randomUUID();
        HttpResponse<String> declared = post("/api/v1/disclosures", staff, Role.STAFF,
                body("PARENT", null, "FAMILY_FRIEND"), "corr-review-1");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String id = JSON.readTree(declared.body()).get("disclosureId").asText();
        assertThat(post("/api/v1/disclosures/" + id + "/amend", staff, Role.STAFF, body("PARENT", null, "STAFF_IS_PARENT"),
                "corr-review-2").statusCode()).isEqualTo(200);

        List<EventEnvelope> published = DisclosureTopic.envelopes(bootstrapServers, id,
                DisclosureTopic.ofType("DisclosureAwaitingReview"), 2, Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(published).extracting(EventEnvelope::correlationId).containsExactly("corr-review-1", "corr-review-2");
        assertThat(published).allSatisfy(envelope -> {
            assertThat(envelope.schoolId()).isEqualTo(school);
            assertThat(envelope.actor().userId()).isEqualTo(staff);
            assertThat(envelope.actor().role()).isEqualTo("STAFF");
        });
        DisclosureAwaitingReview second = (DisclosureAwaitingReview) IntegrationEvents.payloadOf(published.get(1)).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.rule()).isEqualTo(DisclosureRule.P10_PARENT_OTHER);
        assertThat(second.clause()).isEqualTo("P10");
        assertThat(second.declarerId()).isEqualTo(staff);
    }

    @Test
    void remindersGoOutBeforeTheDueDayAndTheUnconfirmedAreReportedAfterIt() throws Exception {
        String kept = "staff-" + UUID.randomUUID();
        String forgetful = "staff-" + UUID.randomUUID();
        String keptId = declare(kept, body("PARENT", null, "STAFF_IS_PARENT"), "PERMITTED_TRANSPARENT");
        String forgottenId = declare(forgetful, body("STAFF", null, "PERSONAL_FRIENDSHIP"), "PERMITTED");
        LocalDate due = LocalDate.now(clock).plusYears(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.deadlinesOf(keptId).size() == 3
                && watch.deadlinesOf(forgottenId).size() == 3);

        clock.set(due.minusDays(30).atTime(9, 0).atZone(LONDON).toInstant());
        watch.fireDue();
        clock.set(due.minusDays(7).atTime(9, 0).atZone(LONDON).toInstant());
        watch.fireDue();
        assertThat(post("/api/v1/disclosures/" + keptId + "/reconfirm", forgetful, Role.STAFF, "{}", null).statusCode())
                .as("someone else's").isEqualTo(404);
        clock.set(due.minusDays(3).atTime(9, 0).atZone(LONDON).toInstant());
        HttpResponse<String> reconfirmed = post("/api/v1/disclosures/" + keptId + "/reconfirm", kept, Role.STAFF, "{}", null);
        assertThat(reconfirmed.statusCode()).as(reconfirmed.body()).isEqualTo(200);

        clock.set(due.plusDays(1).atTime(0, 1).atZone(LONDON).toInstant());
        watch.fireDue();
        watch.fireDue();

        List<EventEnvelope> forgotten = DisclosureTopic.envelopes(bootstrapServers, forgottenId,
                e -> e.eventType().startsWith("DisclosureReconfirmation"), 3, Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(forgotten).extracting(EventEnvelope::eventType).containsExactly("DisclosureReconfirmationDue",
                "DisclosureReconfirmationDue", "DisclosureReconfirmationOverdue");
        assertThat(forgotten).allSatisfy(e -> assertThat(e.actor().userId()).isEqualTo("system:deadlines"));
        DisclosureReconfirmationDue second = (DisclosureReconfirmationDue) IntegrationEvents.payloadOf(forgotten.get(1))
                .orElseThrow();
        assertThat(second.reminder()).isEqualTo(2);
        assertThat(second.dueOn()).isEqualTo(due);
        assertThat(second.declarerId()).isEqualTo(forgetful);
        DisclosureReconfirmationOverdue overdue = (DisclosureReconfirmationOverdue) IntegrationEvents.payloadOf(
                forgotten.get(2)).orElseThrow();
        assertThat(overdue.dueOn()).isEqualTo(due);

        assertThat(DisclosureTopic.envelopes(bootstrapServers, keptId, e -> e.eventType().startsWith("DisclosureReconfirmation"),
                2, Duration.ofSeconds(20), Duration.ofSeconds(2))).extracting(EventEnvelope::eventType)
                .containsExactly("DisclosureReconfirmationDue", "DisclosureReconfirmationDue");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode overdueList = JSON.readTree(get("/api/v1/disclosures?reconfirmationOverdue=true", "principal-1",
                    Role.PRINCIPAL).body());
            assertThat(overdueList.findValuesAsText("disclosureId")).containsExactly(forgottenId);
            JsonNode all = JSON.readTree(get("/api/v1/disclosures", "principal-1", Role.PRINCIPAL).body());
            assertThat(all).hasSize(2);
            for (JsonNode view : all) {
                if (view.get("disclosureId").asText().equals(keptId)) {
                    assertThat(view.get("reconfirmationOverdue").asBoolean()).isFalse();
                    assertThat(view.get("reconfirmationDueOn").asText()).isEqualTo(due.minusDays(3).plusYears(1).toString());
                } else {
                    assertThat(view.get("reconfirmationOverdue").asBoolean()).isTrue();
                }
            }
        });
    }

    private List<String> eventTypes(String id) {
        return eventStore.readEvents(id).asStream().map(m -> m.getPayloadType().getSimpleName()).toList();
    }

    private static String body(String type, LocalDate dateOfBirth, String basis) {
        return "{\"counterpartType\":\"" + type + "\",\"counterpartName\":\"Alex Example\","
                + (dateOfBirth == null ? "" : "\"counterpartDateOfBirth\":\"" + dateOfBirth + "\",")
                + "\"basis\":\"" + basis + "\",\"platforms\":[\"Instagram\"],\"description\":\"we chat\"}";
    }

    private String declare(String userId, String body, String expectedDecision) throws Exception {
        HttpResponse<String> response = post("/api/v1/disclosures", userId, Role.STAFF, body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("decision").asText()).isEqualTo(expectedDecision);
        return answer.get("disclosureId").asText();
    }

    private HttpResponse<String> post(String path, String userId, Role role, String body, String correlationId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String userId, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + TestTokens.token(userId, school, role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
