package org.casetrail.cases.intake;

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
import org.casetrail.contracts.cases.ConcernReported;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake path of case-service on a real broker and a real Mongo-wire server: HTTP in, event
 * stored before the 201, integration event on Kafka, reporter view. Run by the embedded twin here
 * and by the Testcontainers twin where Docker exists.
 */
abstract class ConcernIntakeContract {

    static final String SCHOOL = "school-it";
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
    void aReportIsStoredBeforeTheAnswerAndPublishedKeyedByCase() throws Exception {
        String reporter = "reporter-" + UUID.randomUUID();
        HttpResponse<String> response = post(reporter, """
                {"category":"SAFEGUARDING","summary":"Worrying messages","details":"A student sent late-night messages",
                 "occurredAt":"2026-01-10T20:00:00Z","platform":"Instagram"}""", "corr-intake-1");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String caseId = body.get("caseId").asText();
        assertThat(body.get("reference").asText()).matches("CT-\\d{4}-\\d{6}");
        assertThat(body.get("status").asText()).isEqualTo("REPORTED");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/cases/" + caseId);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-intake-1");

        // Durable before the 201: the event is readable from the store the moment we got the answer.
        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(caseId).asStream().toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getMetaData())
                .containsEntry("actorId", reporter)
                .containsEntry("actorRole", "STAFF")
                .containsEntry("schoolId", SCHOOL)
                .containsEntry("correlationId", "corr-intake-1");

        ConsumerRecord<String, String> record = awaitRecordFor(caseId);
        EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(envelope.eventId()).isEqualTo(stored.get(0).getIdentifier());
        assertThat(envelope.schoolId()).isEqualTo(SCHOOL);
        assertThat(envelope.correlationId()).isEqualTo("corr-intake-1");
        ConcernReported published = (ConcernReported) IntegrationEvents.payloadOf(envelope).orElseThrow();
        assertThat(published.safeguarding()).isTrue();
        assertThat(published.reporterId()).isEqualTo(reporter);
        // Allegation content stays inside case-service.
        assertThat(record.value()).doesNotContain("Worrying messages").doesNotContain("late-night");
    }

    @Test
    void theReporterSeesTheStatusOfTheirOwnReportsOnly() throws Exception {
        String reporter = "reporter-" + UUID.randomUUID();
        String other = "reporter-" + UUID.randomUUID();
        String caseId = JSON.readTree(post(reporter, validBody("POLICY_QUERY"), null).body()).get("caseId").asText();
        post(other, validBody("ABUSE_OF_STAFF"), null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode mine = JSON.readTree(get("/api/v1/concerns/mine", reporter).body());
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("caseId").asText()).isEqualTo(caseId);
            assertThat(mine.get(0).get("status").asText()).isEqualTo("REPORTED");
            assertThat(mine.get(0).has("summary")).isFalse();
        });
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        long before = storedEvents();
        Map<String, String> cases = Map.of(
                "category", """
                        {"summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z"}""",
                "category ", """
                        {"category":"GOSSIP","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z"}""",
                "summary", """
                        {"category":"POLICY_QUERY","summary":"  ","details":"d","occurredAt":"2026-01-10T20:00:00Z"}""",
                "details", "{\"category\":\"POLICY_QUERY\",\"summary\":\"s\",\"details\":\"" + "x".repeat(10_001)
                        + "\",\"occurredAt\":\"2026-01-10T20:00:00Z\"}",
                "isAdmin", """
                        {"category":"POLICY_QUERY","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z","isAdmin":true}""",
                "subject.type", """
                        {"category":"POLICY_QUERY","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z","subject":{"type":"ALIEN"}}""",
                "occurredAt", """
                        {"category":"POLICY_QUERY","summary":"s","details":"d","occurredAt":"yesterday"}""",
                "body", "{\"category\":");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = post("reporter-bad", bad.getValue(), null);
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("errors").findValuesAsText("field")).as("%s: %s", bad.getKey(), response.body())
                    .contains(bad.getKey().trim());
        }
        HttpResponse<String> huge = post("reporter-bad", "{\"details\":\"" + "x".repeat(70_000) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBrokenRuleIsA422NamingTheRule() throws Exception {
        HttpResponse<String> response = post("reporter-rule", """
                {"category":"POLICY_QUERY","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z","safeguarding":true}""", null);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("SAFEGUARDING_ONLY_ON_SAFEGUARDING_OR_CONDUCT");
    }

    @Test
    void withoutATokenNothingIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/concerns/mine")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void onlyStaffMayReport() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/concerns"))
                .header("Authorization", "Bearer " + TestTokens.token("auditor-1", SCHOOL, Role.AUDITOR))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(validBody("POLICY_QUERY"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private long storedEvents() {
        return mongo.getCollection("ct_events").countDocuments();
    }

    private static String validBody(String category) {
        return "{\"category\":\"" + category + "\",\"summary\":\"s\",\"details\":\"d\",\"occurredAt\":\"2026-01-10T20:00:00Z\"}";
    }

    private HttpResponse<String> post(String userId, String body, String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/concerns"))
                .header("Authorization", "Bearer " + TestTokens.token(userId, SCHOOL, Role.STAFF))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String userId) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, SCHOOL, Role.STAFF)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private ConsumerRecord<String, String> awaitRecordFor(String caseId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (caseId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            assertThat(found).as("integration event for %s on %s", caseId, Topics.CASE_EVENTS).hasSize(1);
            return found.get(0);
        }
    }
}
