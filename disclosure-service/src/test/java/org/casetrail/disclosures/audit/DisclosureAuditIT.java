package org.casetrail.disclosures.audit;

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
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.platform.audit.MerkleTree;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.eventstore.EventChain;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A disclosure's audit, the same shape as a case's: history with the chain, state at an instant, verification. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class DisclosureAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-audit-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    SchoolDigests digests;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String staff = "staff-" + UUID.randomUUID();
    private final String auditor = "auditor-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();

    @Test
    void historyStateAndVerificationOfADisclosureAndWhoMayReadThem() throws Exception {
        HttpResponse<String> declared = send("POST", "/api/v1/disclosures", staff, school, Role.STAFF,
                "{\"counterpartType\":\"PARENT\",\"counterpartName\":\"Pat Parent\",\"basis\":\"STAFF_IS_PARENT\","
                        + "\"platforms\":[\"Instagram\"],\"description\":\"we chat about family news\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String id = JSON.readTree(declared.body()).get("disclosureId").asText();
        HttpResponse<String> withdrawn = send("POST", "/api/v1/disclosures/" + id + "/withdraw", staff, school, Role.STAFF,
                "{\"reason\":\"no longer in touch\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        JsonNode history = json(send("GET", "/api/v1/disclosures/" + id + "/history", principal, school, Role.PRINCIPAL, null));
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsExactly("RelationshipDeclared", "DisclosureDecided", "DisclosureWithdrawn");
        assertThat(history.get(0).get("actor").get("userId").asText()).isEqualTo(staff);
        assertThat(history.get(0).get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(history.get(1).get("previousHash").asText()).isEqualTo(history.get(0).get("hash").asText());

        Instant declaredAt = Instant.parse(history.get(1).get("occurredAt").asText());
        JsonNode before = json(send("GET", "/api/v1/disclosures/" + id + "/state?asOf="
                + URLEncoder.encode(declaredAt.toString(), StandardCharsets.UTF_8), auditor, school, Role.AUDITOR, null));
        assertThat(before.get("eventsApplied").asInt()).isEqualTo(2);
        assertThat(before.get("state").get("state").asText()).isNotEqualTo("WITHDRAWN");
        assertThat(before.get("state").get("decision").asText()).isEqualTo("PERMITTED_TRANSPARENT");
        JsonNode now = json(send("GET", "/api/v1/disclosures/" + id + "/state?asOf=" + Instant.now().plusSeconds(60),
                auditor, school, Role.AUDITOR, null));
        assertThat(now.get("state").get("state").asText()).isEqualTo("WITHDRAWN");
        HttpResponse<String> bad = send("GET", "/api/v1/disclosures/" + id + "/state?asOf=soon", auditor, school, Role.AUDITOR, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("asOf");

        JsonNode valid = json(send("GET", "/api/v1/disclosures/" + id + "/verify", auditor, school, Role.AUDITOR, null));
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("events").asInt()).isEqualTo(3);
        assertThat(valid.get("headHash").asText()).isEqualTo(history.get(2).get("hash").asText());
        Document decided = ((CasetrailMongoEventStorageEngine) storage).chainedEvents(id).get(1).document();
        MongoCollection<Document> events = mongo.getDb().getCollection("ct_events");
        events.updateOne(Filters.eq("_id", decided.get("_id")),
                Updates.set("p", decided.getString("p").replace("PERMITTED_TRANSPARENT", "PERMITTED")));
        JsonNode broken = json(send("GET", "/api/v1/disclosures/" + id + "/verify", auditor, school, Role.AUDITOR, null));
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("brokenAtSequence").asLong()).isEqualTo(1L);
        events.replaceOne(Filters.eq("_id", decided.get("_id")), decided);

        assertThat(send("GET", "/api/v1/disclosures/" + id + "/history", staff, school, Role.PRINCIPAL, null).statusCode())
                .as("the declarer, whatever their role").isEqualTo(404);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/history", auditor, "school-" + UUID.randomUUID(),
                Role.AUDITOR, null).statusCode()).as("another school").isEqualTo(404);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/history", staff, school, Role.STAFF, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/verify", principal, school, Role.PRINCIPAL, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theScheduledDigestPinsTheSchoolsDisclosureChains() throws Exception {
        HttpResponse<String> declared = send("POST", "/api/v1/disclosures", staff, school, Role.STAFF,
                "{\"counterpartType\":\"STAFF\",\"counterpartName\":\"Colin Colleague\",\"basis\":\"PERSONAL_FRIENDSHIP\","
                        + "\"platforms\":[\"Facebook\"],\"description\":\"we play five-a-side together\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String id = JSON.readTree(declared.body()).get("disclosureId").asText();

        // What DigestSchedule runs every interval.
        SchoolDigests.Digest digest = digests.recordAllChanged().stream()
                .filter(d -> d.schoolId().equals(school)).findFirst().orElseThrow();

        assertThat(digest.service()).isEqualTo("disclosure-service");
        assertThat(digest.leafCount()).isEqualTo(1);
        SchoolDigests.Proof proof = digests.proof(digest, id).orElseThrow();
        assertThat(proof.leaf().headHash()).isEqualTo(
                json(send("GET", "/api/v1/disclosures/" + id + "/verify", auditor, school, Role.AUDITOR, null))
                        .get("headHash").asText());
        assertThat(MerkleTree.rootFromProof(proof.leafHash(), proof.path())).isEqualTo(digest.root());
    }

    @Test
    void aDisclosuresDigestProofLeadsFromItsRecomputedHistoryToThePublishedRootAndTamperingShows() throws Exception {
        HttpResponse<String> declared = send("POST", "/api/v1/disclosures", staff, school, Role.STAFF,
                "{\"counterpartType\":\"PARENT\",\"counterpartName\":\"Dana Parent\",\"basis\":\"STAFF_IS_PARENT\","
                        + "\"platforms\":[\"WhatsApp\"],\"description\":\"the class parents' group\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        String id = JSON.readTree(declared.body()).get("disclosureId").asText();

        // A digest on demand, as case-service's for cases: the auditor or an admin of the school.
        assertThat(send("POST", "/api/v1/audit/digests/disclosures", principal, school, Role.PRINCIPAL, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> recorded = send("POST", "/api/v1/audit/digests/disclosures", auditor, school, Role.AUDITOR, null);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode digest = JSON.readTree(recorded.body());
        assertThat(digest.get("service").asText()).isEqualTo("disclosure-service");
        assertThat(digest.get("schoolId").asText()).isEqualTo(school);
        assertThat(digest.hasNonNull("publishedAt")).isTrue();
        String published = publishedRoot(digest.get("digestId").asText());

        JsonNode proof = json(send("GET", "/api/v1/disclosures/" + id + "/digest-proof", auditor, school, Role.AUDITOR, null));
        assertThat(proof.get("digest").get("digestId").asText()).isEqualTo(digest.get("digestId").asText());
        assertThat(proof.get("leaf").get("aggregateId").asText()).isEqualTo(id);
        List<MerkleTree.Step> path = new ArrayList<>();
        proof.get("path").forEach(p -> path.add(new MerkleTree.Step(p.get("side").asText(), p.get("hash").asText())));
        long sequence = proof.get("leaf").get("sequence").asLong();
        // What an auditor does (docs/audit.md): recompute the head from the history, trusting no stored hash.
        String head = recomputedHead(id, sequence);
        assertThat(head).isEqualTo(proof.get("leaf").get("headHash").asText());
        assertThat(MerkleTree.rootFromProof(MerkleTree.leafHash(new MerkleTree.Leaf(id, sequence, head)), path))
                .isEqualTo(published);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/digest-proof?digestId="
                + URLEncoder.encode(digest.get("digestId").asText(), StandardCharsets.UTF_8), auditor, school, Role.AUDITOR, null)
                .statusCode()).isEqualTo(200);

        // Who may ask: as for verification.
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/digest-proof", principal, school, Role.PRINCIPAL, null)
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/digest-proof", staff, school, Role.AUDITOR, null)
                .statusCode()).as("the declarer, whatever their role").isEqualTo(404);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/digest-proof", auditor, "school-" + UUID.randomUUID(),
                Role.AUDITOR, null).statusCode()).as("another school").isEqualTo(404);
        assertThat(send("GET", "/api/v1/disclosures/" + id + "/digest-proof?digestId=" + school + "%23999", auditor, school,
                Role.AUDITOR, null).statusCode()).as("no such digest").isEqualTo(404);

        // A stored event changed afterwards: its history no longer recomputes to a head that leads to the published root.
        Document decided = ((CasetrailMongoEventStorageEngine) storage).chainedEvents(id).get(1).document();
        MongoCollection<Document> events = mongo.getDb().getCollection("ct_events");
        events.updateOne(Filters.eq("_id", decided.get("_id")),
                Updates.set("p", decided.getString("p").replace("PERMITTED_TRANSPARENT", "PERMITTED")));
        String rewritten = recomputedHead(id, sequence);
        assertThat(rewritten).isNotEqualTo(head);
        assertThat(MerkleTree.rootFromProof(MerkleTree.leafHash(new MerkleTree.Leaf(id, sequence, rewritten)), path))
                .isNotEqualTo(published);
        events.replaceOne(Filters.eq("_id", decided.get("_id")), decided);

        // casetrail's own copy of the digest rewritten to match: the proof it gives no longer leads to the published root.
        MongoCollection<Document> leaves = mongo.getDb().getCollection("audit_digest_leaves");
        String chunkId = digest.get("digestId").asText() + "/0";
        Document chunk = leaves.find(Filters.eq("_id", chunkId)).first();
        List<Object> forgedLeaves = new ArrayList<>();
        for (Object leaf : chunk.getList("l", Object.class)) {
            forgedLeaves.add(id.equals(((List<?>) leaf).get(0)) ? List.of(id, sequence, rewritten) : leaf);
        }
        leaves.updateOne(Filters.eq("_id", chunkId), Updates.set("l", forgedLeaves));
        JsonNode forged = json(send("GET", "/api/v1/disclosures/" + id + "/digest-proof", auditor, school, Role.AUDITOR, null));
        List<MerkleTree.Step> forgedPath = new ArrayList<>();
        forged.get("path").forEach(p -> forgedPath.add(new MerkleTree.Step(p.get("side").asText(), p.get("hash").asText())));
        assertThat(MerkleTree.rootFromProof(forged.get("leafHash").asText(), forgedPath)).isNotEqualTo(published);
        leaves.replaceOne(Filters.eq("_id", chunkId), chunk);

        // Every one of these reads is in the access log, as the other audit views are.
        HttpResponse<String> log = send("GET", "/api/v1/audit/access-log/disclosures?view=digest-proof&objectId=" + id,
                auditor, school, Role.AUDITOR, null);
        JsonNode reads = json(log);
        assertThat(reads.get("total").asLong()).isEqualTo(6);
        assertThat(reads.get("entries")).extracting(e -> e.get("status").asInt()).contains(200, 403, 404);
    }

    /**
     * The head hash recomputed from the disclosure's history alone, with the canonical form of
     * docs/audit.md, checking every link on the way: what an auditor's own program does.
     */
    private String recomputedHead(String id, long upTo) throws Exception {
        JsonNode history = json(send("GET", "/api/v1/disclosures/" + id + "/history", auditor, school, Role.AUDITOR, null));
        String previous = EventChain.GENESIS;
        for (JsonNode e : history) {
            if (e.get("sequence").asLong() > upTo) {
                break;
            }
            assertThat(e.get("previousHash").asText()).isEqualTo(previous);
            Map<String, Object> metadata = new java.util.HashMap<>();
            metadata.put("actorId", text(e.path("actor"), "userId"));
            metadata.put("actorRole", text(e.path("actor"), "role"));
            for (String key : List.of("schoolId", "correlationId", "causationId", "requestId")) {
                metadata.put(key, text(e, key));
            }
            previous = EventChain.hash(previous, new EventChain.Stored(e.get("eventId").asText(),
                    e.get("aggregateType").asText(), id, e.get("sequence").asLong(), e.get("occurredAt").asText(),
                    e.get("payloadType").asText(), text(e, "payloadRevision"), JSON.writeValueAsString(e.get("payload")),
                    JSON.writeValueAsString(metadata)));
        }
        return previous;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The root as a keeper outside casetrail has it: from the topic. */
    private String publishedRoot(String digestId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "audit-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT_DIGESTS));
            List<String> roots = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode payload = JSON.readTree(record.value()).get("payload");
                    if (payload.get("digestId").asText().equals(digestId)
                            && payload.get("service").asText().equals("disclosure-service")) {
                        roots.add(payload.get("root").asText());
                    }
                }
                return !roots.isEmpty();
            });
            return roots.get(0);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, String schoolId, Role role, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolId, role))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String userId, String schoolId, Role role)
            throws Exception {
        return send(method, path, userId, schoolId, role, null);
    }
}
