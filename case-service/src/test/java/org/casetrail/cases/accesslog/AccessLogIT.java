package org.casetrail.cases.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.casetrail.contracts.Role;
import org.casetrail.platform.accesslog.AccessLog;
import org.casetrail.platform.accesslog.AccessLogChain;
import org.casetrail.platform.accesslog.AccessLogEntry;
import org.casetrail.platform.accesslog.AccessRecord;
import org.casetrail.platform.accesslog.MongoAccessLog;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of a case is in the access log, with who, what, which view and the outcome, denied
 * reads included; the AUDITOR lists it with filters and learns whether the chain is intact; an
 * altered or deleted entry is named by its sequence; and a read whose entry cannot be stored is
 * not answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetrail.cases.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
class AccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG = "/api/v1/audit/access-log";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-access-log-it", "${spring.embedded.kafka.brokers}");
    }

    /** The real Mongo log, which a test can make refuse writes the way an unreachable database would. */
    @TestConfiguration
    static class Switchable {

        static final AtomicBoolean DOWN = new AtomicBoolean();

        @Bean
        AccessLog accessLog(MongoClient client, MongoProperties mongo) {
            MongoAccessLog real = new MongoAccessLog(client.getDatabase(mongo.getMongoClientDatabase()), 500);
            return new AccessLog() {
                @Override
                public AccessLogEntry append(AccessRecord record) {
                    if (DOWN.get()) {
                        throw new com.mongodb.MongoTimeoutException("the access log's database does not answer");
                    }
                    return real.append(record);
                }

                @Override
                public Listing list(String schoolId, Filter filter, int page, int size) {
                    return real.list(schoolId, filter, page, size);
                }

                @Override
                public Head head(String schoolId) {
                    return real.head(schoolId);
                }

                @Override
                public List<String> schools() {
                    return real.schools();
                }

                @Override
                public java.util.Optional<String> hashAt(String schoolId, long sequence) {
                    return real.hashAt(schoolId, sequence);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String auditor = "auditor-" + UUID.randomUUID();

    @Test
    void everyReadOfACaseIsListedWithItsReaderViewAndOutcome() throws Exception {
        String caseId = report();
        String other = report();
        Instant before = Instant.now();
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "read-1").statusCode()).isEqualTo(200);
        // A colleague may not read case details: 403, and the attempt is recorded as such.
        assertThat(send("staff-x", Role.STAFF, "/api/v1/cases/" + caseId, "read-2").statusCode()).isEqualTo(403);
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + UUID.randomUUID(), "read-3").statusCode()).isEqualTo(404);
        // The auditor's own reads are recorded too, whatever the answer.
        int historyStatus = send(auditor, Role.AUDITOR, "/api/v1/cases/" + caseId + "/history", "read-4").statusCode();
        int stateStatus = send(auditor, Role.AUDITOR, "/api/v1/cases/" + caseId + "/state?asOf=2026-11-21T00:00:00Z", "read-5").statusCode();
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + other, "read-6").statusCode()).isEqualTo(200);
        // Not reads of one case: not recorded.
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases", "list").statusCode()).isEqualTo(200);

        JsonNode all = list("");
        assertThat(all.get("service").asText()).isEqualTo("case-service");
        assertThat(all.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(all.get("chain").get("entries").asLong()).isEqualTo(6);
        assertThat(all.get("total").asLong()).isEqualTo(6);
        JsonNode entries = all.get("entries");
        // Newest first, each linked to the one before it.
        assertThat(entries.get(0).get("correlationId").asText()).isEqualTo("read-6");
        assertThat(entries.get(5).get("correlationId").asText()).isEqualTo("read-1");
        assertThat(entries.get(5).get("previousHash").asText()).isEqualTo("0".repeat(64));
        for (int i = 0; i < 5; i++) {
            assertThat(entries.get(i).get("previousHash").asText()).isEqualTo(entries.get(i + 1).get("hash").asText());
        }
        assertThat(all.get("chain").get("headHash").asText()).isEqualTo(entries.get(0).get("hash").asText());

        JsonNode first = entries.get(5);
        assertThat(first.get("actor").get("userId").asText()).isEqualTo(principal);
        assertThat(first.get("actor").get("role").asText()).isEqualTo("PRINCIPAL");
        assertThat(first.get("objectType").asText()).isEqualTo("case");
        assertThat(first.get("objectId").asText()).isEqualTo(caseId);
        assertThat(first.get("view").asText()).isEqualTo("detail");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(Instant.parse(first.get("at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        JsonNode refused = entries.get(4);
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("actor").get("userId").asText()).isEqualTo("staff-x");
        assertThat(refused.get("actor").has("role")).isFalse();
        assertThat(refused.get("actor").get("roles").toString()).contains("STAFF");
        assertThat(entries.get(3).get("status").asInt()).isEqualTo(404);
        assertThat(entries.get(2).get("view").asText()).isEqualTo("history");
        assertThat(entries.get(2).get("status").asInt()).isEqualTo(historyStatus);
        assertThat(entries.get(1).get("view").asText()).isEqualTo("state");
        assertThat(entries.get(1).get("status").asInt()).isEqualTo(stateStatus);
        assertThat(entries.get(1).get("path").asText()).endsWith("/state?asOf=2026-11-21T00:00:00Z");

        JsonNode ofCase = list("objectId=" + caseId);
        assertThat(ofCase.get("total").asLong()).isEqualTo(4);
        assertThat(ofCase.get("chain").get("intact").asBoolean()).isTrue();
        JsonNode byAuditor = list("userId=" + auditor + "&view=history");
        assertThat(byAuditor.get("total").asLong()).isEqualTo(1);
        JsonNode page = list("page=1&size=4");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("entries")).hasSize(2);
        assertThat(page.get("entries").get(1).get("correlationId").asText()).isEqualTo("read-1");
        String cut = entries.get(2).get("at").asText();
        assertThat(list("to=" + enc(cut)).get("entries")).allSatisfy(e ->
                assertThat(Instant.parse(e.get("at").asText())).isBefore(Instant.parse(cut)));
        assertThat(list("from=" + enc(cut)).get("entries")).allSatisfy(e ->
                assertThat(Instant.parse(e.get("at").asText())).isAfterOrEqualTo(Instant.parse(cut)));

        // Another school's auditor sees nothing of it.
        JsonNode foreign = JSON.readTree(send(auditor, "school-" + UUID.randomUUID(), Role.AUDITOR, LOG, "x").body());
        assertThat(foreign.get("total").asLong()).isZero();
    }

    @Test
    void onlyAnAuditorListsTheLogAndBadFiltersAreNamed() throws Exception {
        assertThat(send(principal, Role.PRINCIPAL, LOG, "x").statusCode()).isEqualTo(403);
        assertThat(send("admin", Role.ADMIN, LOG, "x").statusCode()).isEqualTo(403);
        for (String[] bad : List.of(new String[]{"size=100000", "size"}, new String[]{"size=0", "size"},
                new String[]{"page=-1", "page"}, new String[]{"from=yesterday", "from"},
                new String[]{"from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to"})) {
            HttpResponse<String> response = send(auditor, Role.AUDITOR, LOG + "?" + bad[0], "x");
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void anAlteredOrDeletedEntryIsNamedBySequence() throws Exception {
        String caseId = report();
        for (int i = 1; i <= 5; i++) {
            assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "t-" + i).statusCode()).isEqualTo(200);
        }
        assertThat(list("").get("chain").get("intact").asBoolean()).isTrue();
        MongoCollection<Document> entries = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                .getCollection("access_log");
        String third = school + "/" + String.format("%012d", 3);

        // One character of who read it.
        entries.updateOne(Filters.eq("_id", third), Updates.set("userId", principal.substring(1)));
        assertBrokenAt(3);
        entries.updateOne(Filters.eq("_id", third), Updates.set("userId", principal));
        assertThat(list("").get("chain").get("intact").asBoolean()).isTrue();

        // A recomputed hash does not help: the next entry still links to the old one.
        Document stored = entries.find(Filters.eq("_id", third)).first();
        entries.updateOne(Filters.eq("_id", third), Updates.combine(Updates.set("status", 404),
                Updates.set("hash", org.casetrail.platform.accesslog.AccessLogChain.hash(3,
                        new AccessRecord(school, Instant.parse(stored.getString("at")), stored.getString("userId"),
                                stored.getString("role"), stored.getList("roles", String.class), "case", caseId, "detail",
                                "GET", stored.getString("path"), stored.getString("correlationId"),
                                stored.getString("requestId"), 404), stored.getString("previousHash")))));
        assertBrokenAt(4);
        entries.replaceOne(Filters.eq("_id", third), stored);

        // A deleted entry.
        entries.deleteOne(Filters.eq("_id", third));
        assertBrokenAt(3);
        entries.insertOne(stored);

        // The newest entry deleted: the head still names it.
        String fifth = school + "/" + String.format("%012d", 5);
        Document last = entries.find(Filters.eq("_id", fifth)).first();
        entries.deleteOne(Filters.eq("_id", fifth));
        assertBrokenAt(5);
        entries.insertOne(last);
        assertThat(list("").get("chain").get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRewrittenOrCutAccessLogIsCaughtAgainstAPublishedDigest() throws Exception {
        String caseId = report();
        for (int i = 1; i <= 4; i++) {
            assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "d-" + i).statusCode()).isEqualTo(200);
        }
        // The digest as published: a keeper outside casetrail holds its access-log head.
        HttpResponse<String> recorded = http.send(request(auditor, school, Role.AUDITOR, "/api/v1/audit/digests", "dg")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode digest = JSON.readTree(recorded.body());
        assertThat(digest.hasNonNull("publishedAt")).isTrue();
        assertThat(digest.get("accessLogSequence").asLong()).isEqualTo(4);
        String kept = digest.get("accessLogHeadHash").asText();
        assertThat(kept).isEqualTo(list("").get("chain").get("headHash").asText());
        // Reads after the digest do not disturb it.
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "d-5").statusCode()).isEqualTo(200);
        JsonNode anchor = list("").get("chain").get("anchor");
        assertThat(anchor.get("digestId").asText()).isEqualTo(digest.get("digestId").asText());
        assertThat(anchor.get("sequence").asLong()).isEqualTo(4);
        assertThat(anchor.get("headHash").asText()).isEqualTo(kept);
        assertThat(anchor.get("currentHash").asText()).isEqualTo(kept);
        assertThat(anchor.get("holds").asBoolean()).isTrue();

        MongoDatabase db = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        MongoCollection<Document> entries = db.getCollection("access_log");
        MongoCollection<Document> heads = db.getCollection("access_log_heads");
        List<Document> before = new ArrayList<>();
        for (long sequence = 1; sequence <= 5; sequence++) {
            before.add(entries.find(Filters.eq("_id", entryId(sequence))).first());
        }
        Document head = heads.find(Filters.eq("_id", school)).first();

        // Someone with write access rewrites who read entry 2 and recomputes every hash after it, and the head:
        // the chain walks clean, but entry 4 no longer has the hash the published digest holds.
        String previous = before.get(0).getString("hash");
        for (long sequence = 2; sequence <= 5; sequence++) {
            Document doc = new Document(before.get((int) sequence - 1));
            if (sequence == 2) {
                doc.put("userId", "someone-else");
            }
            String hash = AccessLogChain.hash(sequence, record(doc), previous);
            entries.replaceOne(Filters.eq("_id", entryId(sequence)), doc.append("previousHash", previous).append("hash", hash));
            previous = hash;
        }
        heads.updateOne(Filters.eq("_id", school), Updates.set("hash", previous));
        JsonNode rewritten = list("").get("chain");
        assertThat(rewritten.get("intact").asBoolean()).as("a consistent rewrite walks clean").isTrue();
        assertThat(rewritten.get("anchor").get("holds").asBoolean()).isFalse();
        assertThat(rewritten.get("anchor").get("currentHash").asText()).isNotEqualTo(kept);
        assertThat(rewritten.get("anchor").get("headHash").asText()).isEqualTo(kept);
        restore(entries, heads, before, head);
        assertThat(list("").get("chain").get("anchor").get("holds").asBoolean()).isTrue();

        // The newest entries cut back below the digest, the head moved back with them: the walk is clean again,
        // but the anchored entry is gone.
        for (long sequence = 3; sequence <= 5; sequence++) {
            entries.deleteOne(Filters.eq("_id", entryId(sequence)));
        }
        heads.updateOne(Filters.eq("_id", school), Updates.combine(Updates.set("sequence", 2L),
                Updates.set("hash", before.get(1).getString("hash"))));
        JsonNode cut = list("").get("chain");
        assertThat(cut.get("intact").asBoolean()).isTrue();
        assertThat(cut.get("entries").asLong()).isEqualTo(2);
        assertThat(cut.get("anchor").get("holds").asBoolean()).isFalse();
        assertThat(cut.get("anchor").has("currentHash")).isFalse();
        restore(entries, heads, before, head);

        // A named digest: this one; one that does not exist is a 400 naming the parameter.
        assertThat(list("digestId=" + enc(digest.get("digestId").asText())).get("chain").get("anchor").get("holds")
                .asBoolean()).isTrue();
        HttpResponse<String> unknown = send(auditor, Role.AUDITOR, LOG + "?digestId=" + enc(school + "#999"), "x");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("digestId");
    }

    private String entryId(long sequence) {
        return school + "/" + String.format("%012d", sequence);
    }

    private static AccessRecord record(Document doc) {
        return new AccessRecord(doc.getString("schoolId"), Instant.parse(doc.getString("at")), doc.getString("userId"),
                doc.getString("role"), doc.getList("roles", String.class), doc.getString("objectType"),
                doc.getString("objectId"), doc.getString("view"), doc.getString("method"), doc.getString("path"),
                doc.getString("correlationId"), doc.getString("requestId"), doc.getInteger("status"));
    }

    private void restore(MongoCollection<Document> entries, MongoCollection<Document> heads, List<Document> saved,
                         Document head) {
        for (Document doc : saved) {
            entries.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        heads.replaceOne(Filters.eq("_id", school), head);
    }

    @Test
    void aReadWhoseEntryCannotBeStoredIsNotAnswered() throws Exception {
        String caseId = report();
        Switchable.DOWN.set(true);
        try {
            HttpResponse<String> refused = send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "no-log");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(refused.headers().firstValue("X-Correlation-Id")).hasValue("no-log");
            assertThat(refused.body()).doesNotContain("Student messaging").doesNotContain(caseId);
        } finally {
            Switchable.DOWN.set(false);
        }
        assertThat(send(principal, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "log-back").body()).contains("Student messaging");
        JsonNode log = list("");
        assertThat(log.get("total").asLong()).isEqualTo(1);
        assertThat(log.get("entries").get(0).get("correlationId").asText()).isEqualTo("log-back");
    }

    @Test
    void concurrentReadsMakeOneUnbrokenChain() throws Exception {
        String caseId = report();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            reads.add(http.sendAsync(request(principal, school, Role.PRINCIPAL, "/api/v1/cases/" + caseId, "c-" + i).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> read : reads) {
            assertThat(read.join().statusCode()).isEqualTo(200);
        }
        JsonNode log = list("size=100");
        assertThat(log.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(log.get("chain").get("entries").asLong()).isEqualTo(24);
        assertThat(log.get("entries")).hasSize(24);
    }

    private void assertBrokenAt(long sequence) throws Exception {
        JsonNode chain = list("").get("chain");
        assertThat(chain.get("intact").asBoolean()).isFalse();
        assertThat(chain.get("brokenAtSequence").asLong()).isEqualTo(sequence);
    }

    private String report() throws Exception {
        HttpRequest request = request(reporter, school, Role.STAFF, "/api/v1/concerns", "r")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"STAFF_CONDUCT\",\"summary\":\"Student messaging\","
                        + "\"details\":\"d\",\"occurredAt\":\"2026-11-20T10:00:00Z\"}")).build();
        String caseId = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("caseId").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("case_details")
                        .find(Filters.eq("_id", caseId)).first() != null);
        return caseId;
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = send(auditor, Role.AUDITOR, LOG + (query.isEmpty() ? "" : "?" + query), "audit");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String userId, Role role, String path, String correlationId) throws Exception {
        return send(userId, school, role, path, correlationId);
    }

    private HttpResponse<String> send(String userId, String schoolId, Role role, String path, String correlationId)
            throws Exception {
        return http.send(request(userId, schoolId, role, path, correlationId).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String userId, String schoolId, Role role, String path, String correlationId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolId, role))
                .header("X-Correlation-Id", correlationId);
    }
}
