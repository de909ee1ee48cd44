package org.casetrail.cases.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.casetrail.platform.testing.ReadModelCollections;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.NoteAdded;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.axon.ReadModelRebuild;
import org.casetrail.platform.axon.ReadModelRebuildCommandLine;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store of 10,000+ events: the command line rebuilds every read model, the rebuilt collections
 * (and their indexes) equal the old ones document for document, queries keep answering from the
 * complete old models all through the rebuild, and the ADMIN endpoint shows the same progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.cases.deadlines.watch.enabled=false",
        "casetrail.rebuild.line-interval=200ms"})
@EmbeddedKafka(kraft = true, partitions = 1)
class ReadModelRebuildAtScaleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REBUILD = "/api/v1/admin/read-models/rebuild";
    private static final int CASES = 2_500;
    private static final int NOTES_PER_CASE = 3;
    private static final int BATCH = 400;
    /** Not read models: the tokens, the rebuild's own bookkeeping, and the access log, which the queries add to. */
    private static final List<String> NOT_READ_MODELS = List.of("trackingtokens", "read_model_rebuilds", "access_log",
            "access_log_heads");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-rebuild-scale-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    ReadModelRebuild rebuild;

    @Autowired
    ReadModelRebuildCommandLine commandLine;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();

    @Test
    void rebuiltReadModelsEqualTheOldOnesAndQueriesAnswerThroughout() throws Exception {
        List<String> caseIds = storeEvents();
        long events = (long) CASES * (1 + NOTES_PER_CASE);
        assertThat(events).isGreaterThanOrEqualTo(10_000);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(rebuild.progress().values()).allSatisfy(p -> assertThat(p.done()).isEqualTo(p.total())));
        Map<String, List<Document>> before = collections().documents();
        Map<String, List<Document>> indexesBefore = collections().indexes();
        assertThat(before.get("case_details")).hasSize(CASES);
        assertThat(before.get("reporter_cases")).hasSize(CASES);

        String detail = "/api/v1/cases/" + caseIds.get(CASES / 2);
        String list = "/api/v1/cases?size=100&page=3";
        Map<String, JsonNode> answersBefore = Map.of(detail, get(detail, principal, Role.PRINCIPAL),
                list, get(list, principal, Role.PRINCIPAL));

        // The command line, while a client keeps asking: every answer is the complete old model; and
        // the ADMIN, asking meanwhile, sees the same progress and cannot start a second rebuild.
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Integer> answeredDuringRebuild = new CopyOnWriteArrayList<>();
        AtomicReference<JsonNode> progressDuringRebuild = new AtomicReference<>();
        AtomicReference<Integer> secondStart = new AtomicReference<>();
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (rebuilding.get()) {
                for (Map.Entry<String, JsonNode> query : answersBefore.entrySet()) {
                    try {
                        HttpResponse<String> response = send("GET", query.getKey(), principal, Role.PRINCIPAL);
                        if (response.statusCode() != 200 || !JSON.readTree(response.body()).equals(query.getValue())) {
                            failures.add(response.statusCode() + " " + query.getKey());
                        } else if (rebuild.running()) {
                            answeredDuringRebuild.add(response.statusCode());
                        }
                        if (progressDuringRebuild.get() == null && rebuild.running()
                                && rebuild.progress().get("case-detail").done() > events / 10) {
                            progressDuringRebuild.set(JSON.readTree(send("GET", REBUILD, "admin-1", Role.ADMIN).body()));
                            secondStart.set(send("POST", REBUILD, "admin-1", Role.ADMIN).statusCode());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }
        });
        client.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try {
            status = commandLine.run(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        } finally {
            rebuilding.set(false);
            client.join();
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("rebuilding case-detail, deadlines, reporter-view")
                .contains(String.format("%,d/%,d events 100%%", events, events))
                .contains("read models rebuilt and swapped in");
        assertThat(printed.lines().filter(l -> l.matches("\\[[#.]{30}] [\\d,]+/[\\d,]+ events +\\d+%  [\\d,]+ ev/s  ETA \\d+:\\d\\d")))
                .as(printed).isNotEmpty();
        assertThat(failures).isEmpty();
        assertThat(answeredDuringRebuild).isNotEmpty();
        assertThat(collections().documents()).isEqualTo(before);
        assertThat(collections().indexes()).isEqualTo(indexesBefore);
        assertThat(collections().names()).noneMatch(n -> n.endsWith("__rebuild"));

        JsonNode progress = progressDuringRebuild.get().get("case-detail");
        assertThat(progress.get("state").asText()).isEqualTo("REBUILDING");
        assertThat(progress.get("total").asLong()).isEqualTo(events);
        assertThat(progress.get("done").asLong()).isPositive();
        assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("etaSeconds").asLong()).isNotNegative();
        assertThat(secondStart.get()).isEqualTo(409);
        JsonNode after = get(REBUILD, "admin-1", Role.ADMIN);
        after.forEach(p -> {
            assertThat(p.get("state").asText()).isEqualTo("LIVE");
            assertThat(p.get("done").asLong()).isEqualTo(events);
            assertThat(p.has("eventsPerSecond")).isFalse();
        });
    }

    /** Cases and notes written straight to the event store, as their aggregates would have. */
    private List<String> storeEvents() {
        List<String> caseIds = new ArrayList<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        MetaData reporterMeta = MetaData.from(Map.of(AuditMetadata.ACTOR_ID, reporter, AuditMetadata.ACTOR_ROLE, "STAFF",
                AuditMetadata.SCHOOL_ID, school));
        CaseCategory[] categories = {CaseCategory.STAFF_CONDUCT, CaseCategory.POLICY_QUERY, CaseCategory.ABUSE_OF_STAFF};
        for (int i = 0; i < CASES; i++) {
            String caseId = UUID.randomUUID().toString();
            caseIds.add(caseId);
            Instant submitted = at.plusSeconds(60L * i);
            batch.add(new GenericDomainEventMessage<>("Case", caseId, 0, new ConcernReported(caseId, school,
                    String.format("CT-2026-%06d", i + 1), reporter, categories[i % categories.length], "summary " + i,
                    "details " + i, submitted.minusSeconds(3600), "Instagram", null, false, submitted), reporterMeta));
            for (int n = 1; n <= NOTES_PER_CASE; n++) {
                batch.add(new GenericDomainEventMessage<>("Case", caseId, n, new NoteAdded(caseId, school,
                        UUID.randomUUID().toString(), "note " + n, principal, submitted.plusSeconds(n)),
                        MetaData.from(Map.of(AuditMetadata.ACTOR_ID, principal, AuditMetadata.ACTOR_ROLE, "PRINCIPAL",
                                AuditMetadata.SCHOOL_ID, school))));
            }
            if (batch.size() >= BATCH) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        eventStore.publish(batch);
        return caseIds;
    }

    private MongoDatabase database() {
        return mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
    }

    private ReadModelCollections collections() {
        return new ReadModelCollections(database(), NOT_READ_MODELS);
    }

    private JsonNode get(String path, String userId, Role role) throws Exception {
        HttpResponse<String> response = send("GET", path, userId, role);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role, Role.STAFF))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
