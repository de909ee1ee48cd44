package org.casetrail.cases.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.casetrail.cases.deadlines.MondayMorningClock;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.platform.audit.MerkleTree;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.eventstore.EventChain;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
 * The audit of a case on the embedded stack (docs/audit.md): the chain verified over HTTP after
 * direct tampering in Mongo, the history and point-in-time state with their access rules, the school
 * digest with its proof and its Kafka event, and the export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casetrail.cases.deadlines.watch.enabled=false", "casetrail.audit.digests.enabled=false"})
@EmbeddedKafka(kraft = true, partitions = 1)
@Import(MondayMorningClock.class)
class CaseAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-audit-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventStorageEngine storage;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String subject = "subject-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String auditor = "auditor-" + UUID.randomUUID();
    private final String hr = "hr-" + UUID.randomUUID();

    @Test
    void verificationNamesTheExactSequenceOfEveryKindOfTamperingAndAReorderedPayloadIsTheSameEvent() throws Exception {
        String caseId = caseWithFourEvents("Messages sent at night");
        JsonNode valid = verify(caseId);
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("events").asInt()).isEqualTo(4);
        assertThat(valid.has("brokenAtSequence")).isFalse();
        String headHash = valid.get("headHash").asText();

        MongoCollection<Document> events = mongo.getDb().getCollection("ct_events");
        // One character of a payload.
        tampered(events, caseId, 0, doc -> events.updateOne(Filters.eq("_id", doc.get("_id")),
                Updates.set("p", doc.getString("p").replace("Messages sent at night", "Messages sent at nighT"))), 0L);
        // A changed actor in the metadata.
        tampered(events, caseId, 1, doc -> events.updateOne(Filters.eq("_id", doc.get("_id")),
                Updates.set("m", doc.getString("m").replace(principal, "someone-else"))), 1L);
        // A deleted event.
        tampered(events, caseId, 2, doc -> events.deleteOne(Filters.eq("_id", doc.get("_id"))), 2L);
        // Two sequence numbers swapped.
        Document one = stored(caseId, 1);
        Document two = stored(caseId, 2);
        events.updateOne(Filters.eq("_id", one.get("_id")), Updates.set("s", 2L));
        events.updateOne(Filters.eq("_id", two.get("_id")), Updates.set("s", 1L));
        assertThat(verify(caseId).get("brokenAtSequence").asLong()).isEqualTo(1L);
        events.replaceOne(Filters.eq("_id", one.get("_id")), one);
        events.replaceOne(Filters.eq("_id", two.get("_id")), two);
        assertThat(verify(caseId).get("valid").asBoolean()).isTrue();

        // A payload rewritten with its fields in reverse order means the same: still valid (docs/audit.md).
        Document three = stored(caseId, 3);
        JsonNode payload = JSON.readTree(three.getString("p"));
        List<String> keys = new ArrayList<>();
        payload.fieldNames().forEachRemaining(k -> keys.add(0, k));
        StringBuilder reversed = new StringBuilder("{");
        for (String key : keys) {
            reversed.append(reversed.length() > 1 ? "," : "").append(JSON.writeValueAsString(key)).append(':')
                    .append(JSON.writeValueAsString(payload.get(key)));
        }
        events.updateOne(Filters.eq("_id", three.get("_id")), Updates.set("p", reversed.append('}').toString()));
        assertThat(stored(caseId, 3).getString("p")).isNotEqualTo(three.getString("p"));
        JsonNode afterReorder = verify(caseId);
        assertThat(afterReorder.get("valid").asBoolean()).isTrue();
        assertThat(afterReorder.get("headHash").asText()).isEqualTo(headHash);
    }

    @Test
    void historyAndStateFollowTheCaseDetailRulesAndTheStateIsTheFoldUpToTheInstant() throws Exception {
        String caseId = caseWithFourEvents("Late messages");

        JsonNode history = json(send("GET", "/api/v1/cases/" + caseId + "/history", auditor, Role.AUDITOR), 200);
        assertThat(history).hasSize(4);
        JsonNode first = history.get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asText()).isEqualTo("ConcernReported");
        assertThat(first.get("actor").get("userId").asText()).isEqualTo(reporter);
        assertThat(first.get("actor").get("role").asText()).isEqualTo("STAFF");
        assertThat(first.get("payload").get("summary").asText()).isEqualTo("Late messages");
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(first.hasNonNull("correlationId")).isTrue();
        assertThat(first.hasNonNull("causationId")).isTrue();
        assertThat(first.hasNonNull("requestId")).isTrue();
        JsonNode triage = history.get(1);
        assertThat(triage.get("type").asText()).isEqualTo("CaseTriaged");
        assertThat(triage.get("actor").get("userId").asText()).isEqualTo(principal);
        assertThat(triage.get("previousHash").asText()).isEqualTo(first.get("hash").asText());

        // The history alone is enough to recompute every hash (docs/audit.md, the canonical form).
        String previous = "0".repeat(64);
        for (JsonNode entry : history) {
            String metadata = JSON.writeValueAsString(Map.of(
                    "actorId", entry.path("actor").path("userId").asText(), "actorRole", entry.path("actor").path("role").asText(),
                    "schoolId", entry.get("schoolId").asText(), "correlationId", entry.get("correlationId").asText(),
                    "causationId", entry.get("causationId").asText(), "requestId", entry.get("requestId").asText()));
            EventChain.Stored stored = new EventChain.Stored(entry.get("eventId").asText(), entry.get("aggregateType").asText(),
                    caseId, entry.get("sequence").asLong(), entry.get("occurredAt").asText(), entry.get("payloadType").asText(),
                    entry.path("payloadRevision").asText(null), JSON.writeValueAsString(entry.get("payload")), metadata);
            assertThat(entry.get("previousHash").asText()).isEqualTo(previous);
            assertThat(EventChain.hash(previous, stored)).as("recomputed hash of %s", entry.get("sequence"))
                    .isEqualTo(entry.get("hash").asText());
            previous = entry.get("hash").asText();
        }

        // Who may read: HR runs conduct cases; the subject (whatever their roles), another school and STAFF may not.
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/history", hr, Role.HR).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/history", principal, Role.PRINCIPAL).statusCode()).isEqualTo(200);
        assertThat(sendAs("GET", "/api/v1/cases/" + caseId + "/history", subject, school, Role.AUDITOR).statusCode())
                .isEqualTo(404);
        assertThat(sendAs("GET", "/api/v1/cases/" + caseId + "/history", auditor, "school-" + UUID.randomUUID(),
                Role.AUDITOR).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/history", reporter, Role.STAFF).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/state?asOf=2026-01-01T00:00:00Z", hr, Role.HR).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/verify", principal, Role.PRINCIPAL).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/cases/no-such-case/verify", auditor, Role.AUDITOR).statusCode()).isEqualTo(404);

        // The state as it was: before the case, right after the report, and now.
        Instant reported = Instant.parse(first.get("occurredAt").asText());
        JsonNode before = json(state(caseId, reported.minusMillis(1).toString()), 200);
        assertThat(before.get("eventsApplied").asInt()).isZero();
        assertThat(before.has("state")).isFalse();
        JsonNode atReport = json(state(caseId, reported.toString()), 200);
        assertThat(atReport.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(atReport.get("state").get("status").asText()).isEqualTo("REPORTED");
        assertThat(atReport.get("state").get("history")).hasSize(1);
        JsonNode now = json(state(caseId, Instant.now().plusSeconds(60).toString()), 200);
        assertThat(now.get("eventsApplied").asInt()).isEqualTo(4);
        assertThat(now.get("lastSequence").asLong()).isEqualTo(3);
        assertThat(now.get("state").get("route").asText()).isEqualTo("INVESTIGATION");
        assertThat(now.get("state").get("status").asText()).isNotEqualTo("REPORTED");
        assertThat(now.get("state").get("summary").asText()).isEqualTo("Late messages");

        HttpResponse<String> bad = state(caseId, "yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("asOf");
        HttpResponse<String> missing = send("GET", "/api/v1/cases/" + caseId + "/state", auditor, Role.AUDITOR);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("asOf");
    }

    @Test
    void aDigestIsRecordedPublishedAndProvesTheCasesHead() throws Exception {
        String caseId = caseWithFourEvents("Digest me");
        String other = caseWithFourEvents("And me");
        String head = verify(caseId).get("headHash").asText();

        assertThat(send("POST", "/api/v1/audit/digests", hr, Role.HR).statusCode()).isEqualTo(403);
        JsonNode digest = json(send("POST", "/api/v1/audit/digests", auditor, Role.AUDITOR), 201);
        assertThat(digest.get("schoolId").asText()).isEqualTo(school);
        assertThat(digest.get("leafCount").asInt()).isEqualTo(2);
        assertThat(digest.get("algorithm").asText()).isEqualTo("casetrail-merkle-sha256-v1");
        assertThat(digest.hasNonNull("publishedAt")).isTrue();
        String root = digest.get("root").asText();

        JsonNode proof = json(send("GET", "/api/v1/cases/" + caseId + "/digest-proof", auditor, Role.AUDITOR), 200);
        assertThat(proof.get("digest").get("digestId").asText()).isEqualTo(digest.get("digestId").asText());
        assertThat(proof.get("leaf").get("headHash").asText()).isEqualTo(head);
        assertThat(proof.get("leaf").get("sequence").asLong()).isEqualTo(3);
        // What an auditor does with a root kept outside casetrail (docs/audit.md).
        String leafHash = MerkleTree.leafHash(new MerkleTree.Leaf(caseId, 3, head));
        assertThat(proof.get("leafHash").asText()).isEqualTo(leafHash);
        List<MerkleTree.Step> path = new ArrayList<>();
        proof.get("path").forEach(s -> path.add(new MerkleTree.Step(s.get("side").asText(), s.get("hash").asText())));
        assertThat(MerkleTree.rootFromProof(leafHash, path)).isEqualTo(root);
        assertThat(send("GET", "/api/v1/cases/" + other + "/digest-proof?digestId=" + school + "%23999", auditor,
                Role.AUDITOR).statusCode()).isEqualTo(404);

        // The digest went out on Kafka for whoever keeps the copy.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "audit-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT_DIGESTS));
            List<JsonNode> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(JSON.readTree(record.value()));
                }
                assertThat(seen).anySatisfy(e -> {
                    assertThat(e.get("eventType").asText()).isEqualTo("AuditDigestRecorded");
                    assertThat(e.get("payload").get("root").asText()).isEqualTo(root);
                    // The access log's head is anchored with the root (docs/audit.md, "Anchoring the access log").
                    assertThat(e.get("payload").get("accessLogSequence").asLong())
                            .isEqualTo(digest.get("accessLogSequence").asLong());
                    assertThat(e.get("payload").get("accessLogHeadHash").asText())
                            .isEqualTo(digest.get("accessLogHeadHash").asText());
                    assertThat(e.get("actor").get("userId").asText()).isEqualTo(auditor);
                });
            });
        }
    }

    @Test
    void theExportCarriesTheChainAndItsHtmlTimelineEscapesEverything() throws Exception {
        String caseId = caseWithFourEvents("<script>alert('x')</script> & more");

        JsonNode export = json(send("GET", "/api/v1/cases/" + caseId + "/export", principal, Role.PRINCIPAL), 200);
        assertThat(export.get("verification").get("valid").asBoolean()).isTrue();
        assertThat(export.get("history")).hasSize(4);
        assertThat(export.get("exportedBy").get("userId").asText()).isEqualTo(principal);
        assertThat(export.get("reference").asText()).startsWith("CT-");

        HttpResponse<String> html = send("GET", "/api/v1/cases/" + caseId + "/export?format=html", auditor, Role.AUDITOR);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("&lt;script&gt;alert(").doesNotContain("<script>").contains("CaseTriaged")
                .contains(export.get("verification").get("headHash").asText());
        HttpResponse<String> negotiated = http.send(request("GET", "/api/v1/cases/" + caseId + "/export", auditor, school,
                Role.AUDITOR).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(negotiated.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        HttpResponse<String> badFormat = send("GET", "/api/v1/cases/" + caseId + "/export?format=pdf", auditor, Role.AUDITOR);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("format");
        assertThat(send("GET", "/api/v1/cases/" + caseId + "/export", hr, Role.HR).statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------ helpers

    /** A conduct case about {@link #subject}: reported (0), triaged (1), two notes (2, 3). */
    private String caseWithFourEvents(String summary) throws Exception {
        HttpResponse<String> reported = send("POST", "/api/v1/concerns", reporter, Role.STAFF,
                "{\"category\":\"STAFF_CONDUCT\",\"summary\":" + JSON.writeValueAsString(summary) + ",\"details\":\"d\","
                        + "\"occurredAt\":\"2026-11-20T10:00:00Z\",\"subject\":{\"type\":\"STAFF\",\"userId\":\"" + subject + "\"}}");
        String caseId = json(reported, 201).get("caseId").asText();
        json(send("POST", "/api/v1/cases/" + caseId + "/triage", principal, Role.PRINCIPAL,
                "{\"route\":\"INVESTIGATION\",\"severity\":\"MEDIUM\",\"rationale\":\"look\"}"), 200);
        for (String note : List.of("first note", "second note")) {
            HttpResponse<String> noted = send("POST", "/api/v1/cases/" + caseId + "/notes", principal, Role.PRINCIPAL,
                    "{\"text\":\"" + note + "\"}");
            assertThat(noted.statusCode()).as(noted.body()).isBetween(200, 201);
        }
        return caseId;
    }

    private void tampered(MongoCollection<Document> events, String caseId, long sequence,
                          java.util.function.Consumer<Document> tamper, long expectedBroken) throws Exception {
        Document original = stored(caseId, sequence);
        tamper.accept(original);
        JsonNode result = verify(caseId);
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("brokenAtSequence").asLong()).isEqualTo(expectedBroken);
        events.replaceOne(Filters.eq("_id", original.get("_id")), original,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        assertThat(verify(caseId).get("valid").asBoolean()).isTrue();
    }

    private Document stored(String caseId, long sequence) {
        return ((CasetrailMongoEventStorageEngine) storage).chainedEvents(caseId).get((int) sequence).document();
    }

    private JsonNode verify(String caseId) throws Exception {
        return json(send("GET", "/api/v1/cases/" + caseId + "/verify", auditor, Role.AUDITOR), 200);
    }

    private HttpResponse<String> state(String caseId, String asOf) throws Exception {
        return send("GET", "/api/v1/cases/" + caseId + "/state?asOf=" + java.net.URLEncoder.encode(asOf,
                java.nio.charset.StandardCharsets.UTF_8), auditor, Role.AUDITOR);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, Role role) throws Exception {
        return send(method, path, userId, role, null);
    }

    private HttpResponse<String> send(String method, String path, String userId, Role role, String body) throws Exception {
        HttpRequest.Builder builder = request(method, path, userId, school, role);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendAs(String method, String path, String userId, String schoolId, Role role) throws Exception {
        return http.send(request(method, path, userId, schoolId, role).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String userId, String schoolId, Role role) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolId, role))
                .method(method, HttpRequest.BodyPublishers.noBody());
    }
}
