package org.casetrail.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casetrail.devstack.Devstack;
import org.casetrail.systemtests.GatewayClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The walking skeleton, black-box through the gateway: a staff member reports a safeguarding concern,
 * it is stored and published, and the school's DSLs and Principal - nobody else - find it in their inbox.
 * One running system for the whole class; the scenarios run in order and build on each other (the
 * restart scenarios come last). Subclasses say how the system runs (devstack processes, or the
 * services on Testcontainers' MongoDB and Kafka).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WalkingSkeletonScenarios {

    /** architecture.md's quality bar: the DSL's notification for a safeguarding concern within 2 s. */
    static final Duration DSL_NOTIFICATION_BAR = Duration.ofSeconds(2);
    static final Duration POLL = Duration.ofMillis(100);
    /** Eventually-consistent reads (read models, inboxes) on a running system. */
    static final Duration EVENTUALLY = Duration.ofSeconds(15);
    /** The first event through a freshly started pipeline (consumer group joins) or after a broker restart. */
    static final Duration PIPELINE_RECOVERY = Duration.ofSeconds(60);
    static final String REFERENCE_PATTERN = "CT-" + Year.now(ZoneOffset.UTC).getValue() + "-\\d{6}";
    static final String PROBLEM_JSON = "application/problem+json";

    static final String SAM = "sam.staff";
    static final String TARA = "tara.teacher";
    static final String DINA = "dina.dsl";
    static final String HANA = "hana.hr";
    static final String PAUL = "paul.principal";
    static final String OLGA = "olga.other";

    protected final GatewayClient gateway = new GatewayClient(this::gatewayUrl);
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> timings = new LinkedHashMap<>();
    private long classStartNanos;

    // State the ordered scenarios hand on to each other.
    private String firstCaseId;
    private String firstReference;
    private String firstSummary;
    private String firstDetails;
    private String dinasFirstNotificationId;
    private final List<String> references = new ArrayList<>();

    // ---- how the system runs ------------------------------------------------------------------

    /** Starts everything and returns once the gateway and the four services are healthy. */
    protected abstract void startSystem() throws Exception;

    protected abstract void stopSystem();

    protected abstract String gatewayUrl();

    /** Kills (SIGKILL) every component this test controls, starts them again on the same data, awaits health. */
    protected abstract void crashAndRestartEverything();

    /** Whether {@link #crashKafka()} is possible (the devstack's broker is a process we own). */
    protected abstract boolean canCrashKafka();

    protected abstract void crashKafka();

    /** Starts the broker again on the same data and waits until it serves. */
    protected abstract void restartKafka();

    /** Text (usually log tails) that explains a failure; printed when a scenario fails. */
    protected abstract String diagnostics();

    // ---- lifecycle ----------------------------------------------------------------------------

    private Thread stopHook;

    /**
     * The services do not watch their parent (Mongo and Kafka do): if this JVM is ended early
     * (failsafe's fork timeout, Ctrl-C on Maven), stop the devstack rather than leave four JVMs behind.
     */
    protected final void stopOnJvmExit(Devstack stack) {
        stopHook = new Thread(stack::stop, "devstack-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopHook);
    }

    protected final void removeJvmExitHook() {
        if (stopHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
            stopHook = null;
        }
    }

    @RegisterExtension
    final TestWatcher dumpLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.out.println("==== " + context.getDisplayName() + " failed: " + cause + " — component logs follow ====");
            System.out.println(diagnostics());
        }
    };

    @BeforeAll
    final void startTheSystem() throws Exception {
        classStartNanos = System.nanoTime();
        try {
            startSystem();
        } catch (Throwable e) {
            System.out.println("==== start-up failed: " + e + " — component logs follow ====");
            System.out.println(diagnostics());
            throw e;
        }
        time("start-up (all components healthy)", classStartNanos);
    }

    @AfterAll
    final void stopTheSystem() {
        long stopStart = System.nanoTime();
        try {
            stopSystem();
        } finally {
            time("stop", stopStart);
            time("whole class", classStartNanos);
            StringBuilder summary = new StringBuilder("==== " + getClass().getSimpleName() + " timings ====\n");
            timings.forEach((what, took) -> summary.append(String.format("  %-60s %s%n", what, took)));
            System.out.println(summary);
        }
    }

    // ---- scenarios ----------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("a safeguarding concern through the gateway: 201, reference, Location, correlation id; the DSL is told within 2 s")
    void reportReachesTheDslWithinTwoSeconds() {
        long start = System.nanoTime();
        // Warm-up: the first event through a freshly started pipeline also pays for consumer group
        // joins and JIT; the quality bar is about a running system, so one report goes through first.
        String warmUpCaseId = report(TARA, "SAFEGUARDING", "warm-up " + UUID.randomUUID(), "warm-up details").caseId();
        long warmUpSent = System.nanoTime();
        awaitEntry(DINA, warmUpCaseId, "CONCERN_REPORTED", PIPELINE_RECOVERY);
        time("warm-up report: 201 → DSL notified (first event through the pipeline)", warmUpSent);

        firstSummary = "Pupil messaged at night " + UUID.randomUUID();
        firstDetails = "Direct messages after 10pm, screenshots kept " + UUID.randomUUID();
        String correlationId = "system-test-" + UUID.randomUUID();
        String dina = token(DINA); // logged in beforehand: the measurement starts at the 201
        long posted = System.nanoTime();
        Response created = gateway.post("/api/v1/concerns", token(SAM),
                concern("SAFEGUARDING", firstSummary, firstDetails).toString(), Map.of("X-Correlation-Id", correlationId));
        long answered = System.nanoTime();
        timings.put("POST /api/v1/concerns → 201", millis(answered - posted));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode body = created.json();
        firstCaseId = body.path("caseId").asText();
        firstReference = body.path("reference").asText();
        references.add(firstReference);
        assertThat(firstCaseId).isNotBlank();
        assertThat(firstReference).matches(REFERENCE_PATTERN);
        assertThat(body.path("status").asText()).isEqualTo("REPORTED");
        assertThat(created.header("Location")).as("Location").isNotNull().endsWith(firstCaseId);
        assertThat(created.header("X-Correlation-Id")).as("X-Correlation-Id echoed").isEqualTo(correlationId);

        Optional<JsonNode> seen = pollDslInbox(dina, firstCaseId, answered);
        Duration latency = Duration.ofNanos(System.nanoTime() - answered);
        timings.put("DSL notification latency (201 → visible in dina.dsl's inbox)", millis(latency.toNanos()));
        System.out.println("casetrail system test: DSL notification latency " + latency.toMillis() + " ms");
        time("scenario 1", start);

        assertThat(seen).as("dina.dsl's CONCERN_REPORTED for %s", firstCaseId).isPresent();
        JsonNode notification = seen.get();
        dinasFirstNotificationId = notification.path("notificationId").asText();
        assertThat(dinasFirstNotificationId).isNotBlank();
        assertThat(notification.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(notification.path("reference").asText()).isEqualTo(firstReference);
        assertThat(notification.path("createdAt").asText()).isNotBlank();
        assertThat(latency).as("201 → DSL notification (architecture.md: within 2 s)").isLessThan(DSL_NOTIFICATION_BAR);
    }

    @Test
    @Order(2)
    @DisplayName("the DSL and the Principal are told; colleagues, HR and another school are not; the reporter gets a receipt; no content")
    void onlyTheRightPeopleAreTold() {
        long start = System.nanoTime();
        requireFirstReport();

        JsonNode principal = awaitEntry(PAUL, firstCaseId, "CONCERN_REPORTED", EVENTUALLY);
        assertThat(principal.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(principal.path("reference").asText()).isEqualTo(firstReference);

        JsonNode receipt = awaitEntry(SAM, firstCaseId, "REPORT_RECEIVED", EVENTUALLY);
        assertThat(receipt.path("urgency").asText()).isEqualTo("NORMAL");
        // The positives above mean the event has been processed: the negatives below are meaningful.
        Response samsInbox = inbox(SAM);
        assertThat(entries(samsInbox, firstCaseId, "CONCERN_REPORTED")).as("reporter gets status only").isEmpty();

        Response tarasInbox = inbox(TARA);
        assertThat(tarasInbox.items()).as("tara.teacher (a colleague) is not told: %s", tarasInbox)
                .noneMatch(n -> firstCaseId.equals(n.path("caseId").asText()))
                .noneMatch(n -> "CONCERN_REPORTED".equals(n.path("type").asText()));
        Response hanasInbox = inbox(HANA);
        assertThat(hanasInbox.items()).as("hana.hr is not told of a safeguarding concern: %s", hanasInbox)
                .noneMatch(n -> firstCaseId.equals(n.path("caseId").asText()));
        Response olgasInbox = inbox(OLGA);
        assertThat(olgasInbox.items()).as("olga.other (another school's Principal) is not told: %s", olgasInbox)
                .noneMatch(n -> firstCaseId.equals(n.path("caseId").asText()));

        for (String user : List.of(DINA, PAUL, SAM)) {
            String raw = inbox(user).body();
            assertThat(raw).as("%s's inbox carries no allegation content", user)
                    .doesNotContain(firstSummary).doesNotContain(firstDetails).doesNotContain("Instagram");
        }
        time("scenario 2", start);
    }

    @Test
    @Order(3)
    @DisplayName("the reporter's /concerns/mine lists the report as REPORTED; a colleague's does not")
    void reporterSeesOwnReport() {
        long start = System.nanoTime();
        requireFirstReport();
        JsonNode mine = await().atMost(EVENTUALLY).pollInterval(POLL)
                .until(() -> find(mine(SAM), n -> firstCaseId.equals(n.path("caseId").asText())), Optional::isPresent)
                .get();
        assertThat(mine.path("reference").asText()).isEqualTo(firstReference);
        assertThat(mine.path("category").asText()).isEqualTo("SAFEGUARDING");
        assertThat(mine.path("status").asText()).isEqualTo("REPORTED");
        assertThat(mine.path("submittedAt").asText()).isNotBlank();

        Response tarasMine = gateway.get("/api/v1/concerns/mine", token(TARA));
        assertThat(tarasMine.status()).isEqualTo(200);
        assertThat(tarasMine.items()).as("%s", tarasMine).noneMatch(n -> firstCaseId.equals(n.path("caseId").asText()));
        time("scenario 3", start);
    }

    @Test
    @Order(4)
    @DisplayName("no token, a garbage token or an unsigned token → 401 problem+json")
    void withoutAValidTokenIs401() {
        long start = System.nanoTime();
        String unsigned = unsignedToken(SAM);
        for (String path : List.of("/api/v1/concerns/mine", "/api/v1/notifications")) {
            Response none = gateway.get(path, null);
            assertThat(none.status()).as("no token on %s: %s", path, none).isEqualTo(401);
            assertThat(none.contentType()).as("no token on %s: %s", path, none).startsWith(PROBLEM_JSON);
            Response garbage = gateway.get(path, "not-a-jwt");
            assertThat(garbage.status()).as("garbage token on %s: %s", path, garbage).isEqualTo(401);
            Response forged = gateway.get(path, unsigned);
            assertThat(forged.status()).as("alg:none token on %s: %s", path, forged).isEqualTo(401);
        }
        Response post = gateway.post("/api/v1/concerns", null, concern("SAFEGUARDING", "s", "d").toString(), Map.of());
        assertThat(post.status()).as("POST without token: %s", post).isEqualTo(401);
        time("scenario 4", start);
    }

    @Test
    @Order(5)
    @DisplayName("bad bodies → 400 problem+json naming the field, and nothing is stored")
    void badBodiesAre400AndChangeNothing() {
        long start = System.nanoTime();
        requireFirstReport();
        int before = mine(SAM).items().size();

        ObjectNode missingCategory = concern("SAFEGUARDING", "summary", "details");
        missingCategory.remove("category");
        ObjectNode unknownCategory = concern("GOSSIP", "summary", "details");
        ObjectNode emptySummary = concern("SAFEGUARDING", "", "details");
        List<Map.Entry<String, ObjectNode>> cases = List.of(Map.entry("category", missingCategory),
                Map.entry("category", unknownCategory), Map.entry("summary", emptySummary));
        cases.forEach(badCase -> {
            String field = badCase.getKey();
            ObjectNode body = badCase.getValue();
            Response response = gateway.post("/api/v1/concerns", token(SAM), body.toString(), Map.of());
            assertThat(response.status()).as("%s → %s", body, response).isEqualTo(400);
            assertThat(response.contentType()).as("%s → %s", body, response).startsWith(PROBLEM_JSON);
            JsonNode problem = response.json();
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as("errors[].field of %s → %s", body, response).contains(field);
        });

        // Give a wrongly accepted report time to reach the read model before counting.
        sleep(Duration.ofSeconds(1));
        assertThat(mine(SAM).items()).as("sam.staff's reports after the bad requests").hasSize(before);
        time("scenario 5", start);
    }

    @Test
    @Order(6)
    @DisplayName("Kafka killed: a report is still accepted, and the DSL is told exactly once when the broker is back")
    void nothingIsLostWhileKafkaIsDown() {
        Assumptions.assumeTrue(canCrashKafka(), "the broker is not a process this test owns");
        long start = System.nanoTime();
        String sam = token(SAM);
        String dina = token(DINA);

        crashKafka();
        long posted = System.nanoTime();
        Response created = gateway.post("/api/v1/concerns", sam,
                concern("SAFEGUARDING", "while the broker was down " + UUID.randomUUID(), "details").toString(), Map.of());
        timings.put("POST /api/v1/concerns with Kafka down → " + created.status(), millis(System.nanoTime() - posted));
        assertThat(created.status()).as("report while Kafka is down: %s", created).isEqualTo(201);
        String caseId = created.json().path("caseId").asText();
        references.add(created.json().path("reference").asText());

        long kafkaStart = System.nanoTime();
        restartKafka();
        time("Kafka restart (kill -9 → serving again)", kafkaStart);
        long back = System.nanoTime();
        await().atMost(PIPELINE_RECOVERY).pollInterval(POLL)
                .until(() -> entry(gateway.get("/api/v1/notifications", dina), caseId, "CONCERN_REPORTED"), Optional::isPresent);
        time("Kafka back → DSL notified of the report made while it was down", back);

        // Exactly once: wait for redeliveries that would duplicate the entry, then count.
        awaitEntry(SAM, caseId, "REPORT_RECEIVED", EVENTUALLY);
        sleep(Duration.ofSeconds(3));
        assertThat(entries(gateway.get("/api/v1/notifications", dina), caseId, "CONCERN_REPORTED"))
                .as("dina.dsl's entries for %s", caseId).hasSize(1);
        assertThat(entries(gateway.get("/api/v1/notifications", sam), caseId, "REPORT_RECEIVED"))
                .as("sam.staff's receipts for %s", caseId).hasSize(1);
        time("scenario 6", start);
    }

    @Test
    @Order(7)
    @DisplayName("every component killed and restarted: reports and inboxes survive, and a new report goes end to end")
    void aRestartKeepsTheData() {
        long start = System.nanoTime();
        requireFirstReport();

        long restart = System.nanoTime();
        crashAndRestartEverything();
        time("kill -9 everything → healthy again", restart);
        tokens.clear(); // log in again, as people would

        JsonNode mine = await().atMost(EVENTUALLY).pollInterval(POLL)
                .until(() -> find(mine(SAM), n -> firstCaseId.equals(n.path("caseId").asText())), Optional::isPresent)
                .get();
        assertThat(mine.path("reference").asText()).isEqualTo(firstReference);
        assertThat(mine.path("status").asText()).isEqualTo("REPORTED");
        JsonNode kept = awaitEntry(DINA, firstCaseId, "CONCERN_REPORTED", EVENTUALLY);
        if (dinasFirstNotificationId != null) {
            assertThat(kept.path("notificationId").asText()).isEqualTo(dinasFirstNotificationId);
        }

        long posted = System.nanoTime();
        Response created = gateway.post("/api/v1/concerns", token(SAM),
                concern("SAFEGUARDING", "after the restart " + UUID.randomUUID(), "details").toString(), Map.of());
        assertThat(created.status()).as("report after the restart: %s", created).isEqualTo(201);
        String caseId = created.json().path("caseId").asText();
        String reference = created.json().path("reference").asText();
        assertThat(reference).matches(REFERENCE_PATTERN).isNotIn(references);
        references.add(reference);
        awaitEntry(DINA, caseId, "CONCERN_REPORTED", PIPELINE_RECOVERY);
        time("after restart: POST → DSL notified (first event after start-up)", posted);
        await().atMost(EVENTUALLY).pollInterval(POLL)
                .until(() -> find(mine(SAM), n -> caseId.equals(n.path("caseId").asText())), Optional::isPresent);
        assertThat(entries(inbox(DINA), firstCaseId, "CONCERN_REPORTED")).as("no duplicate after the restart").hasSize(1);

        // Once the pipeline runs again, the 2 s bar holds again.
        Response next = gateway.post("/api/v1/concerns", token(SAM),
                concern("SAFEGUARDING", "after the restart, second " + UUID.randomUUID(), "details").toString(), Map.of());
        long answered = System.nanoTime();
        assertThat(next.status()).as("second report after the restart: %s", next).isEqualTo(201);
        references.add(next.json().path("reference").asText());
        Optional<JsonNode> seen = pollDslInbox(token(DINA), next.json().path("caseId").asText(), answered);
        Duration latency = Duration.ofNanos(System.nanoTime() - answered);
        timings.put("after restart: DSL notification latency (running pipeline)", millis(latency.toNanos()));
        time("scenario 7", start);
        assertThat(seen).as("dina.dsl's CONCERN_REPORTED for the second report after the restart").isPresent();
        assertThat(latency).as("201 → DSL notification after the restart").isLessThan(DSL_NOTIFICATION_BAR);
    }

    // ---- helpers ------------------------------------------------------------------------------

    record Created(String caseId, String reference) {
    }

    private Created report(String user, String category, String summary, String details) {
        Response created = gateway.post("/api/v1/concerns", token(user), concern(category, summary, details).toString(), Map.of());
        assertThat(created.status()).as("report by %s: %s", user, created).isEqualTo(201);
        Created result = new Created(created.json().path("caseId").asText(), created.json().path("reference").asText());
        references.add(result.reference());
        return result;
    }

    static ObjectNode concern(String category, String summary, String details) {
        return GatewayClient.JSON.createObjectNode()
                .put("category", category)
                .put("summary", summary)
                .put("details", details)
                .put("occurredAt", "2026-01-10T20:00:00Z")
                .put("platform", "Instagram");
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, gateway::login);
    }

    private Response inbox(String user) {
        Response response = gateway.get("/api/v1/notifications", token(user));
        assertThat(response.status()).as("%s's inbox: %s", user, response).isEqualTo(200);
        return response;
    }

    private Response mine(String user) {
        Response response = gateway.get("/api/v1/concerns/mine", token(user));
        assertThat(response.status()).as("%s's reports: %s", user, response).isEqualTo(200);
        return response;
    }

    private JsonNode awaitEntry(String user, String caseId, String type, Duration atMost) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(atMost).pollInterval(POLL).until(() -> {
                Response response = gateway.get("/api/v1/notifications", token(user));
                last.set(response);
                return entry(response, caseId, type);
            }, Optional::isPresent).get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(user + " got no " + type + " for " + caseId + " within " + atMost
                    + "; last inbox: " + last.get(), e);
        }
    }

    /** Polls the DSL's inbox every 100 ms from {@code since} (the moment the 201 arrived), for at most 30 s. */
    private Optional<JsonNode> pollDslInbox(String dinasToken, String caseId, long since) {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> seen = entry(gateway.get("/api/v1/notifications", dinasToken), caseId, "CONCERN_REPORTED");
            if (seen.isPresent()) {
                return seen;
            }
            sleep(POLL);
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> entry(Response inbox, String caseId, String type) {
        return entries(inbox, caseId, type).stream().findFirst();
    }

    private static List<JsonNode> entries(Response inbox, String caseId, String type) {
        if (inbox.status() != 200) {
            return List.of();
        }
        return inbox.items().stream()
                .filter(n -> caseId.equals(n.path("caseId").asText()) && type.equals(n.path("type").asText()))
                .toList();
    }

    private static Optional<JsonNode> find(Response response, Predicate<JsonNode> predicate) {
        return response.items().stream().filter(predicate).findFirst();
    }

    private void requireFirstReport() {
        assertThat(firstCaseId).as("the report of the first scenario").isNotBlank();
    }

    /** A token with sam's claims and {@code alg: none}: a decoder that accepts it accepts anything. */
    private String unsignedToken(String user) {
        String[] parts = token(user).split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + (parts.length > 1 ? parts[1] : "") + ".";
    }

    protected final void time(String what, long startNanos) {
        String took = millis(System.nanoTime() - startNanos);
        timings.put(what, took);
        System.out.println("casetrail system test: " + what + ": " + took);
    }

    private static String millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis() + " ms";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code lines} lines of a log file, or a note why there are none. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no " + file + ")";
        }
        try {
            // Decoded leniently: a log may hold bytes that are not UTF-8.
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
