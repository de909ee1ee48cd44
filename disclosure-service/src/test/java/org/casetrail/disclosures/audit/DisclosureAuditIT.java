package org.casetrail.disclosures.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.casetrail.contracts.Role;
import org.casetrail.platform.audit.MerkleTree;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
