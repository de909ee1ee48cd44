package org.casetrail.notifications.rebuild;

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
import org.casetrail.contracts.Role;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationEscalated;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationRead;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationSent;
import org.casetrail.notifications.delivery.api.NotificationIds;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.casetrail.platform.axon.AuditMetadata;
import org.casetrail.platform.axon.ReadModelCatchUp;
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
 * notification-service's read models (the inbox and the deliveries view) rebuilt from a store of
 * 10,000+ events by the command line: the rebuilt collections (and their indexes) equal the old ones
 * document for document, a user's inbox and a case's deliveries keep answering from the complete old
 * models all through the rebuild, the ADMIN endpoint shows the progress, a read during the rebuild is
 * answered at once and reaches the models at the swap, and afterwards a user's own read shows in
 * their next GET again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.notifications.mail.dispatch.enabled=false",
        "casetrail.notifications.escalation.watch.enabled=false",
        "casetrail.notifications.digest.enabled=false",
        "casetrail.rebuild.line-interval=200ms"})
@EmbeddedKafka(kraft = true, partitions = 1)
class NotificationReadModelRebuildAtScaleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REBUILD = "/api/v1/admin/read-models/rebuild";
    private static final String INBOX = "/api/v1/notifications";
    /** Each source event: an in-app notification (queued, sent, read, every third acknowledged) and an e-mail. */
    private static final int SOURCE_EVENTS = 1_750;
    private static final int RECIPIENTS = 25;
    private static final int CASES = 250;
    private static final int BATCH = 400;
    /** Not read models: the tokens, the rebuild's own bookkeeping, and the access log, which the queries add to. */
    private static final List<String> NOT_READ_MODELS = List.of("trackingtokens", "read_model_rebuilds", "access_log",
            "access_log_heads");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "notifications-rebuild-scale-it", "${spring.embedded.kafka.brokers}");
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
    ReadModelCatchUp readModelCatchUp;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final List<String> recipients = new ArrayList<>();
    private final List<String> caseIds = new ArrayList<>();
    private final List<String> unread = new ArrayList<>();

    @Test
    void rebuiltReadModelsEqualTheOldOnesAndQueriesAnswerThroughout() throws Exception {
        long events = storeEvents();
        assertThat(events).isGreaterThanOrEqualTo(10_000);
        assertThat(rebuild.rebuildable()).containsExactly("deliveries", "inbox");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(rebuild.progress().values()).allSatisfy(p -> assertThat(p.done()).isEqualTo(p.total())));
        Map<String, List<Document>> before = collections().documents();
        Map<String, List<Document>> indexesBefore = collections().indexes();
        assertThat(before.get("inbox")).hasSize(SOURCE_EVENTS);
        assertThat(before.get("deliveries")).hasSize(2 * SOURCE_EVENTS);

        String recipient = recipients.get(RECIPIENTS / 2);
        String deliveriesOfCase = "/api/v1/notifications/deliveries?caseId=" + caseIds.get(CASES / 2);
        JsonNode inboxBefore = get(INBOX, recipient, Role.STAFF);
        JsonNode deliveriesBefore = get(deliveriesOfCase, principal, Role.PRINCIPAL);
        assertThat(inboxBefore).hasSize(SOURCE_EVENTS / RECIPIENTS);
        assertThat(deliveriesBefore).hasSize(2 * SOURCE_EVENTS / CASES);
        Map<String, Map.Entry<String, Role>> askers = Map.of(INBOX, Map.entry(recipient, Role.STAFF),
                deliveriesOfCase, Map.entry(principal, Role.PRINCIPAL));
        Map<String, JsonNode> answersBefore = Map.of(INBOX, inboxBefore, deliveriesOfCase, deliveriesBefore);

        // The command line, while a client keeps asking: every answer is the complete old model; the
        // ADMIN, asking meanwhile, sees the same progress and cannot start a second rebuild; and a user
        // marks a notification read meanwhile: answered at once (the wait skips the models being
        // rebuilt), it reaches the models at the swap.
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Integer> answeredDuringRebuild = new CopyOnWriteArrayList<>();
        AtomicReference<JsonNode> progressDuringRebuild = new AtomicReference<>();
        AtomicReference<Integer> secondStart = new AtomicReference<>();
        AtomicReference<Integer> readDuringRebuild = new AtomicReference<>();
        AtomicReference<Boolean> currentDuringRebuild = new AtomicReference<>();
        String readMeanwhile = unread.get(1);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (rebuilding.get()) {
                for (Map.Entry<String, JsonNode> query : answersBefore.entrySet()) {
                    try {
                        Map.Entry<String, Role> asker = askers.get(query.getKey());
                        HttpResponse<String> response = send("GET", query.getKey(), asker.getKey(), asker.getValue());
                        if (response.statusCode() != 200 || !JSON.readTree(response.body()).equals(query.getValue())) {
                            failures.add(response.statusCode() + " " + query.getKey());
                        } else if (rebuild.running()) {
                            answeredDuringRebuild.add(response.statusCode());
                        }
                        if (readDuringRebuild.get() == null && rebuild.running()) {
                            readDuringRebuild.set(send("POST", INBOX + "/" + readMeanwhile + "/read", recipients.get(1),
                                    Role.STAFF).statusCode());
                            currentDuringRebuild.set(readModelCatchUp.awaitCurrent());
                        }
                        ReadModelRebuild.Progress deliveries = rebuild.progress().get("deliveries");
                        if (progressDuringRebuild.get() == null && deliveries.state() == ReadModelRebuild.State.REBUILDING
                                && deliveries.done() > events / 10) {
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
        long total = events + 1; // and the read meanwhile
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("rebuilding deliveries, inbox")
                .contains(String.format("%,d/%,d events 100%%", total, total))
                .contains("read models rebuilt and swapped in");
        assertThat(failures).isEmpty();
        assertThat(answeredDuringRebuild).isNotEmpty();
        assertThat(readDuringRebuild.get()).isEqualTo(200);
        assertThat(currentDuringRebuild.get()).isTrue();
        Map<String, List<Document>> rebuilt = collections().documents();
        Object readAt = byId(rebuilt.get("inbox"), readMeanwhile).get("readAt");
        assertThat(readAt).isNotNull();
        byId(before.get("inbox"), readMeanwhile).put("readAt", readAt);
        byId(before.get("deliveries"), readMeanwhile).append("state", "READ").append("readAt", readAt);
        // recordedAt is when a copy wrote its entry: the rebuilt copy has the rebuild's times.
        rebuilt.get("inbox").forEach(entry -> assertThat(entry.remove("recordedAt")).isNotNull());
        before.get("inbox").forEach(entry -> assertThat(entry.remove("recordedAt")).isNotNull());
        assertThat(rebuilt).isEqualTo(before);
        assertThat(collections().indexes()).isEqualTo(indexesBefore);
        assertThat(collections().names()).noneMatch(n -> n.endsWith("__rebuild"));

        JsonNode progress = progressDuringRebuild.get();
        assertThat(progress).as("progress asked for during the rebuild").isNotNull();
        assertThat(progress.get("deliveries").get("state").asText()).isEqualTo("REBUILDING");
        assertThat(progress.get("deliveries").get("total").asLong()).isBetween(events, total);
        assertThat(progress.get("deliveries").get("done").asLong()).isPositive();
        assertThat(progress.get("deliveries").get("eventsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("deliveries").get("etaSeconds").asLong()).isNotNegative();
        assertThat(progress.get("inbox").get("total").asLong()).isBetween(events, total);
        assertThat(secondStart.get()).isEqualTo(409);
        JsonNode after = get(REBUILD, "admin-1", Role.ADMIN);
        assertThat(after.size()).isEqualTo(2);
        after.forEach(p -> {
            assertThat(p.get("state").asText()).isEqualTo("LIVE");
            assertThat(p.get("done").asLong()).isEqualTo(total);
            assertThat(p.has("eventsPerSecond")).isFalse();
        });

        // The models go on from the swap, and a user's own read shows in their next GET, with no waiting.
        String notificationId = unread.get(0);
        String owner = recipients.get(0);
        assertThat(inboxEntry(owner, notificationId).hasNonNull("readAt")).isFalse();
        assertThat(send("POST", INBOX + "/" + notificationId + "/read", owner, Role.STAFF).statusCode()).isEqualTo(200);
        JsonNode entry = inboxEntry(owner, notificationId);
        assertThat(entry.hasNonNull("readAt")).as(entry.toString()).isTrue();
        assertThat(send("POST", INBOX + "/" + notificationId + "/acknowledge", owner, Role.STAFF).statusCode())
                .isEqualTo(200);
        assertThat(inboxEntry(owner, notificationId).hasNonNull("acknowledgedAt")).isTrue();
    }

    private static Document byId(List<Document> documents, String id) {
        return documents.stream().filter(d -> id.equals(d.get("_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no document " + id));
    }

    private JsonNode inboxEntry(String owner, String notificationId) throws Exception {
        for (JsonNode entry : get(INBOX, owner, Role.STAFF)) {
            if (entry.get("notificationId").asText().equals(notificationId)) {
                return entry;
            }
        }
        throw new AssertionError("not in the inbox of " + owner + ": " + notificationId);
    }

    /**
     * Notifications written straight to the event store, as their aggregates would have: per source
     * event an in-app one (queued, sent, read unless kept unread, every third acknowledged, every
     * fifth of the rest escalated) and an e-mail (queued, failed once, sent). Answers how many.
     */
    private long storeEvents() {
        for (int r = 0; r < RECIPIENTS; r++) {
            recipients.add("user-" + UUID.randomUUID());
        }
        for (int c = 0; c < CASES; c++) {
            caseIds.add(UUID.randomUUID().toString());
        }
        MetaData meta = MetaData.from(Map.of(AuditMetadata.ACTOR_ID, "notification-service",
                AuditMetadata.ACTOR_ROLE, "SYSTEM", AuditMetadata.SCHOOL_ID, school));
        Instant start = Instant.parse("2030-01-09T09:00:00Z");
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long count = 0;
        for (int i = 0; i < SOURCE_EVENTS; i++) {
            String source = UUID.randomUUID().toString();
            String recipient = recipients.get(i % RECIPIENTS);
            String caseId = caseIds.get(i % CASES);
            Instant at = start.plusSeconds(60L * i);
            Urgency urgency = i % 2 == 0 ? Urgency.URGENT : Urgency.NORMAL;
            NotificationType type = i % 2 == 0 ? NotificationType.CONCERN_REPORTED : NotificationType.CASE_TRIAGED;
            String reference = String.format("CT-2030-%06d", i % CASES + 1);

            String inApp = NotificationIds.of(source, recipient, type.name(), Channel.IN_APP);
            List<Object> ofInApp = new ArrayList<>(List.of(
                    new NotificationQueued(inApp, school, recipient, Channel.IN_APP, type, urgency, caseId, null, reference,
                            source, false, null, at),
                    new NotificationSent(inApp, Channel.IN_APP, 1, at)));
            if (i < RECIPIENTS) {
                unread.add(inApp); // recipient i's first one stays unread, for the reads during and after the rebuild
            } else {
                ofInApp.add(new NotificationRead(inApp, at.plusSeconds(30)));
                if (i % 3 == 0) {
                    ofInApp.add(new NotificationAcknowledged(inApp, recipient, false, at.plusSeconds(40)));
                } else if (i % 5 == 0 && urgency == Urgency.URGENT) {
                    ofInApp.add(new NotificationEscalated(inApp, 1, at.plusSeconds(3600)));
                }
            }
            String email = NotificationIds.of(source, recipient, type.name(), Channel.EMAIL);
            List<Object> ofEmail = List.of(
                    new NotificationQueued(email, school, recipient, Channel.EMAIL, type, urgency, caseId, null, reference,
                            source, false, null, at),
                    new NotificationFailed(email, 1, "SMTP down", at.plusSeconds(1), at.plusSeconds(61)),
                    new NotificationSent(email, Channel.EMAIL, 2, at.plusSeconds(61)));
            for (Map.Entry<String, List<Object>> notification : Map.of(inApp, ofInApp, email, ofEmail).entrySet()) {
                for (int sequence = 0; sequence < notification.getValue().size(); sequence++) {
                    batch.add(new GenericDomainEventMessage<>("Notification", notification.getKey(), sequence,
                            notification.getValue().get(sequence), meta));
                    count++;
                }
            }
            if (batch.size() >= BATCH) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        eventStore.publish(batch);
        return count;
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
