package org.casetrail.disclosures.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.disclosures.ApproachesRepeated;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureFlagged;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.disclosures.testing.DisclosureTopic;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relationship-disclosure path of disclosure-service on a real broker and a real Mongo-wire
 * server: HTTP in, decision answered once stored, listings scoped to the caller, flags on Kafka
 * without the counterpart's name. Run by the embedded twin here and by the Testcontainers twin
 * where Docker exists. Each test uses a school of its own, so listings see only its data.
 */
abstract class DisclosureFlowContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeclarationIsDecidedAndStoredBeforeTheAnswer() throws Exception {
        String school = newSchool();
        String staff = "staff-" + UUID.randomUUID();
        HttpResponse<String> response = post("/api/v1/disclosures", staff, school, Role.STAFF,
                body("STUDENT", "Sam Nephew", LocalDate.now().minusYears(14), "FAMILY_MEMBER"), "corr-disclose-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(response.body());
        String disclosureId = answer.get("disclosureId").asText();
        assertThat(answer.get("decision").asText()).isEqualTo("PERMITTED_TRANSPARENT");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-disclose-1");

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(disclosureId).asStream().toList();
        assertThat(stored).extracting(m -> m.getPayloadType().getSimpleName())
                .containsExactly("RelationshipDeclared", "DisclosureDecided");
        assertThat(stored.get(1).getMetaData())
                .containsEntry("actorId", staff)
                .containsEntry("actorRole", "STAFF")
                .containsEntry("schoolId", school)
                .containsEntry("correlationId", "corr-disclose-1");
    }

    @Test
    void staffSeeTheirOwnDisclosuresAndThePrincipalSeesTheSchoolsOnly() throws Exception {
        String school = newSchool();
        String otherSchool = newSchool();
        String mine = "staff-" + UUID.randomUUID();
        String colleague = "staff-" + UUID.randomUUID();
        String myId = declare(mine, school, body("PARENT", "Pat Parent", null, "STAFF_IS_PARENT"));
        String colleagueId = declare(colleague, school, body("STAFF", "Chris Colleague", null, "PERSONAL_FRIENDSHIP"));
        declare("staff-" + UUID.randomUUID(), otherSchool, body("OTHER", "Someone", null, "FAMILY_MEMBER"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode own = JSON.readTree(get("/api/v1/disclosures/mine", mine, school, Role.STAFF).body());
            assertThat(own).hasSize(1);
            assertThat(own.get(0).get("disclosureId").asText()).isEqualTo(myId);
            assertThat(own.get(0).get("decision").asText()).isEqualTo("PERMITTED_TRANSPARENT");
            assertThat(own.get(0).get("state").asText()).isEqualTo("AWAITING_REVIEW");

            JsonNode all = JSON.readTree(get("/api/v1/disclosures", "principal-1", school, Role.PRINCIPAL).body());
            assertThat(all.findValuesAsText("disclosureId")).containsExactlyInAnyOrder(myId, colleagueId);
        });
        JsonNode awaiting = JSON.readTree(get("/api/v1/disclosures?state=AWAITING_REVIEW", "principal-1", school,
                Role.PRINCIPAL).body());
        assertThat(awaiting.findValuesAsText("disclosureId")).containsExactly(myId);
        JsonNode permitted = JSON.readTree(get("/api/v1/disclosures?decision=PERMITTED", "principal-1", school,
                Role.PRINCIPAL).body());
        assertThat(permitted.findValuesAsText("disclosureId")).containsExactly(colleagueId);

        assertThat(get("/api/v1/disclosures", mine, school, Role.STAFF).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/disclosures?state=SOMETHING", "principal-1", school, Role.PRINCIPAL).statusCode())
                .isEqualTo(400);
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        String school = newSchool();
        long before = storedEvents();
        String future = LocalDate.now().plusDays(2).toString();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("counterpartDateOfBirth", body("STUDENT", "N", null, "FAMILY_MEMBER"));
        cases.put("counterpartDateOfBirth ", body("EX_STUDENT", "N", null, "FAMILY_FRIEND"));
        cases.put("counterpartDateOfBirth  ", """
                {"counterpartType":"STUDENT","counterpartName":"N","counterpartDateOfBirth":"%s","basis":"FAMILY_MEMBER",
                 "platforms":["Instagram"],"description":"d"}""".formatted(future));
        cases.put("counterpartType", body("ALIEN", "N", null, "FAMILY_MEMBER"));
        cases.put("basis", body("STAFF", "N", null, "BEST_MATES"));
        cases.put("basisOther", body("STAFF", "N", null, "OTHER"));
        cases.put("platforms", """
                {"counterpartType":"STAFF","counterpartName":"N","basis":"FAMILY_MEMBER","platforms":[],"description":"d"}""");
        cases.put("counterpartName", """
                {"counterpartType":"STAFF","counterpartName":" ","basis":"FAMILY_MEMBER","platforms":["X"],"description":"d"}""");
        cases.put("isApproved", """
                {"counterpartType":"STAFF","counterpartName":"N","basis":"FAMILY_MEMBER","platforms":["X"],"description":"d",
                 "isApproved":true}""");
        cases.put("body", "{\"counterpartType\":");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = post("/api/v1/disclosures", "staff-bad", school, Role.STAFF, bad.getValue(), null);
            assertThat(response.statusCode()).as("%s: %s", bad.getKey(), response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field"))
                    .as("%s: %s", bad.getKey(), response.body()).contains(bad.getKey().trim());
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aProhibitedDeclarationIsFlaggedOnceOnTheTopicWithoutTheCounterpartsName() throws Exception {
        String school = newSchool();
        String staff = "staff-" + UUID.randomUUID();
        HttpResponse<String> response = post("/api/v1/disclosures", staff, school, Role.STAFF,
                body("STUDENT", "Robin Confidential", LocalDate.now().minusYears(15), "PERSONAL_FRIENDSHIP"), "corr-flag-1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("decision").asText()).isEqualTo("PROHIBITED");
        String disclosureId = answer.get("disclosureId").asText();

        List<ConsumerRecord<String, String>> records = recordsFor(disclosureId, Duration.ofSeconds(20), Duration.ofSeconds(3));
        assertThat(records).as("flags for %s on %s", disclosureId, Topics.DISCLOSURE_EVENTS).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(disclosureId);
        assertThat(record.value()).doesNotContain("Robin").doesNotContain("Confidential").doesNotContain("description");
        EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
        assertThat(envelope.schoolId()).isEqualTo(school);
        assertThat(envelope.correlationId()).isEqualTo("corr-flag-1");
        DisclosureFlagged flagged = (DisclosureFlagged) IntegrationEvents.payloadOf(envelope).orElseThrow();
        assertThat(flagged.disclosureId()).isEqualTo(disclosureId);
        assertThat(flagged.declarerId()).isEqualTo(staff);
        assertThat(flagged.decision()).isEqualTo(DisclosureDecision.PROHIBITED);
        assertThat(flagged.rule()).isEqualTo(DisclosureRule.P8_STUDENT_OTHER);
        assertThat(flagged.reason()).isEqualTo(FlagReason.PROHIBITED);
        assertThat(flagged.clause()).isEqualTo("P8");
    }

    @Test
    void thePrincipalReviewsOnceAndAnEscalationIsFlagged() throws Exception {
        String school = newSchool();
        String staff = "staff-" + UUID.randomUUID();
        String id = declare(staff, school, body("PARENT", "Pat Parent", null, "PERSONAL_FRIENDSHIP"));
        String review = """
                {"result":"ESCALATED","rationale":"too close to a current case"}""";

        assertThat(post("/api/v1/disclosures/" + id + "/review", "olga", newSchool(), Role.PRINCIPAL, review, null)
                .statusCode()).as("another school's principal").isEqualTo(404);
        assertThat(post("/api/v1/disclosures/" + id + "/review", staff, school, Role.STAFF, review, null)
                .statusCode()).as("staff only").isEqualTo(403);
        assertThat(post("/api/v1/disclosures/" + id + "/review", "principal-1", school, Role.PRINCIPAL,
                "{\"result\":\"CONDITIONS_ATTACHED\",\"rationale\":\"r\"}", null).statusCode())
                .as("conditions in words").isEqualTo(422);
        assertThat(post("/api/v1/disclosures/" + id + "/review", "principal-1", school, Role.PRINCIPAL, review, null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> twice = post("/api/v1/disclosures/" + id + "/review", "principal-1", school, Role.PRINCIPAL,
                review, null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("state").asText()).isEqualTo("REVIEWED");

        List<ConsumerRecord<String, String>> records = recordsFor(id, Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertThat(records).hasSize(1);
        DisclosureFlagged flagged = (DisclosureFlagged) IntegrationEvents.payloadOf(
                IntegrationEvents.fromJson(records.get(0).value())).orElseThrow();
        assertThat(flagged.reason()).isEqualTo(FlagReason.ESCALATED);
        assertThat(flagged.clause()).isEqualTo("P10");
    }

    @Test
    void onlyTheDeclarerAmendsAndWithdraws() throws Exception {
        String school = newSchool();
        String staff = "staff-" + UUID.randomUUID();
        String id = declare(staff, school, body("PARENT", "Pat Parent", null, "STAFF_IS_PARENT"));
        String amendment = body("PARENT", "Pat Parent", null, "SOLELY_PROFESSIONAL");
        String withdrawal = "{\"reason\":\"we are no longer in touch\"}";

        assertThat(post("/api/v1/disclosures/" + id + "/amend", "staff-2", school, Role.STAFF, amendment, null)
                .statusCode()).as("someone else's").isEqualTo(404);
        assertThat(post("/api/v1/disclosures/" + id + "/withdraw", staff, newSchool(), Role.STAFF, withdrawal, null)
                .statusCode()).as("another school's").isEqualTo(404);
        assertThat(post("/api/v1/disclosures/" + UUID.randomUUID() + "/withdraw", staff, school, Role.STAFF, withdrawal,
                null).statusCode()).as("unknown").isEqualTo(404);

        HttpResponse<String> amended = post("/api/v1/disclosures/" + id + "/amend", staff, school, Role.STAFF, amendment, null);
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        assertThat(JSON.readTree(amended.body()).get("version").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(amended.body()).get("decision").asText()).isEqualTo("PROHIBITED");

        assertThat(post("/api/v1/disclosures/" + id + "/withdraw", staff, school, Role.STAFF, withdrawal, null)
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/disclosures/" + id + "/withdraw", staff, school, Role.STAFF, withdrawal, null)
                .statusCode()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode own = JSON.readTree(get("/api/v1/disclosures/mine", staff, school, Role.STAFF).body());
            assertThat(own).hasSize(1);
            assertThat(own.get(0).get("version").asInt()).isEqualTo(2);
            assertThat(own.get(0).get("basis").asText()).isEqualTo("SOLELY_PROFESSIONAL");
            assertThat(own.get(0).get("state").asText()).isEqualTo("WITHDRAWN");
            assertThat(own.get(0).get("withdrawalReason").asText()).isEqualTo("we are no longer in touch");
        });
        assertThat(eventStore.readEvents(id).asStream().map(m -> m.getPayloadType().getSimpleName()).toList())
                .containsExactly("RelationshipDeclared", "DisclosureDecided", "DisclosureAmended", "DisclosureDecided",
                        "DisclosureFlagged", "DisclosureWithdrawn");
    }

    @Test
    void anApproachIsRecordedAndSeenByItsRecorderOnly() throws Exception {
        String school = newSchool();
        String staff = "staff-" + UUID.randomUUID();
        HttpResponse<String> response = post("/api/v1/approaches", staff, school, Role.STAFF, """
                {"counterpartType":"EX_STUDENT","counterpartName":"Jo Former","platform":"Instagram",
                 "occurredAt":"2026-01-10T20:00:00Z","response":"I keep contact with students professional.",
                 "retainedCommunicationRef":"screenshot-2026-01-10.png","reportedToSeniorLeader":true}""", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String approachId = JSON.readTree(response.body()).get("approachId").asText();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode mine = JSON.readTree(get("/api/v1/approaches/mine", staff, school, Role.STAFF).body());
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("approachId").asText()).isEqualTo(approachId);
            assertThat(mine.get(0).get("retainedCommunicationRef").asText()).isEqualTo("screenshot-2026-01-10.png");
        });
        assertThat(JSON.readTree(get("/api/v1/approaches/mine", "staff-2", school, Role.STAFF).body())).isEmpty();
    }

    @Test
    void anApproachWithoutAResponseIsRefusedNamingTheField() throws Exception {
        long before = storedEvents();
        HttpResponse<String> response = post("/api/v1/approaches", "staff-1", newSchool(), Role.STAFF, """
                {"counterpartType":"STUDENT","counterpartName":"Jo","platform":"Instagram",
                 "occurredAt":"2026-01-10T20:00:00Z","response":" ",
                 "retainedCommunicationRef":"ref","reportedToSeniorLeader":false}""", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).contains("response");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aThirdApproachFromTheSameCounterpartWithin90DaysIsPublishedForTheDsl() throws Exception {
        String school = newSchool();
        Instant now = Instant.now();
        String first = recordApproach("staff-" + UUID.randomUUID(), school, "STUDENT", "Robin Secret", now.minus(Duration.ofDays(40)));
        String second = recordApproach("staff-" + UUID.randomUUID(), school, "STUDENT", "robin  SECRET", now.minus(Duration.ofDays(20)));
        String otherType = recordApproach("staff-" + UUID.randomUUID(), school, "PARENT", "Robin Secret", now.minus(Duration.ofDays(10)));
        String thirdRecorder = "staff-" + UUID.randomUUID();
        String third = recordApproach(thirdRecorder, school, "STUDENT", "Robin Secret.", now.minus(Duration.ofDays(1)));

        List<EventEnvelope> repeated = DisclosureTopic.envelopes(bootstrapServers, third,
                DisclosureTopic.ofType("ApproachesRepeated"), 1, Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(repeated).hasSize(1);
        EventEnvelope envelope = repeated.get(0);
        assertThat(envelope.schoolId()).isEqualTo(school);
        assertThat(envelope.actor().userId()).isEqualTo(thirdRecorder);
        assertThat(envelope.payload().toString()).doesNotContainIgnoringCase("robin").doesNotContainIgnoringCase("secret");
        ApproachesRepeated payload = (ApproachesRepeated) IntegrationEvents.payloadOf(envelope).orElseThrow();
        assertThat(payload.recordedBy()).isEqualTo(thirdRecorder);
        assertThat(payload.counterpartType()).isEqualTo(CounterpartType.STUDENT);
        assertThat(payload.approachesInWindow()).isEqualTo(3);
        assertThat(payload.windowDays()).isEqualTo(90);
        // Published in order on one partition: the earlier approaches' would be there by now.
        for (String fewer : List.of(first, second, otherType)) {
            assertThat(DisclosureTopic.publishedSoFar(bootstrapServers, fewer, DisclosureTopic.ofType("ApproachesRepeated")))
                    .as(fewer).isEmpty();
        }
    }

    @Test
    void withoutATokenNothingIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/disclosures/mine")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private String recordApproach(String staff, String school, String type, String name, Instant occurredAt)
            throws Exception {
        HttpResponse<String> response = post("/api/v1/approaches", staff, school, Role.STAFF, """
                {"counterpartType":"%s","counterpartName":"%s","platform":"Instagram","occurredAt":"%s",
                 "response":"I keep contact with students professional.","retainedCommunicationRef":"msg-%s",
                 "reportedToSeniorLeader":true}""".formatted(type, name, occurredAt, UUID.randomUUID()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("approachId").asText();
    }

    private long storedEvents() {
        return mongo.getCollection("ct_events").countDocuments();
    }

    private static String newSchool() {
        return "school-" + UUID.randomUUID();
    }

    private static String body(String type, String name, LocalDate dateOfBirth, String basis) {
        return "{\"counterpartType\":\"" + type + "\",\"counterpartName\":\"" + name + "\","
                + (dateOfBirth == null ? "" : "\"counterpartDateOfBirth\":\"" + dateOfBirth + "\",")
                + "\"basis\":\"" + basis + "\",\"platforms\":[\"Instagram\"],\"description\":\"we chat about family news\"}";
    }

    private String declare(String userId, String school, String body) throws Exception {
        HttpResponse<String> response = post("/api/v1/disclosures", userId, school, Role.STAFF, body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("disclosureId").asText();
    }

    private HttpResponse<String> post(String path, String userId, String school, Role role, String body,
                                      String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String userId, String school, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + TestTokens.token(userId, school, role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Every flag keyed by the disclosure (other events of it are left out): waits up to {@code atMost} for the first, then {@code settle} for more. */
    private List<ConsumerRecord<String, String>> recordsFor(String disclosureId, Duration atMost, Duration settle) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DISCLOSURE_EVENTS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(atMost);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (disclosureId.equals(r.key())
                            && "DisclosureFlagged".equals(IntegrationEvents.fromJson(r.value()).eventType())) {
                        found.add(r);
                    }
                });
                if (!found.isEmpty() && deadline.isAfter(Instant.now().plus(settle))) {
                    deadline = Instant.now().plus(settle);
                }
            }
            return found;
        }
    }
}
