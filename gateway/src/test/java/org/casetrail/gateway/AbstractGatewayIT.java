package org.casetrail.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.gateway.directory.DemoDirectorySeeder;
import org.casetrail.gateway.directory.DirectoryUser;
import org.casetrail.platform.testing.HostileRun;
import org.casetrail.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a real stack: Mongo-wire server and Kafka broker come from the subclass (in-JVM
 * here, containers where Docker exists); the cases service is a tiny JDK HTTP server that records
 * what it receives; the disclosure service is a port nobody listens on.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked; the Prometheus endpoint is under test here.
@AutoConfigureObservability
@ActiveProfiles("embedded")
abstract class AbstractGatewayIT {

    static final String ISSUER = "casetrail-it";
    static final ObjectMapper JSON = new ObjectMapper();
    static final KeyPair KEYS = generateKeys();
    static final Path PRIVATE_PEM = writePem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    static final Path PUBLIC_PEM = writePem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    static final List<Recorded> DOWNSTREAM_CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer CASES = startCasesService();
    static final int DISCLOSURES_PORT = unusedPort();

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("casetrail.gateway.jwt.private-key-location", () -> PRIVATE_PEM.toUri().toString());
        registry.add("casetrail.security.jwt.public-key-location", () -> PUBLIC_PEM.toUri().toString());
        registry.add("casetrail.security.jwt.issuer", () -> ISSUER);
        registry.add("casetrail.gateway.routes.cases", () -> "http://127.0.0.1:" + CASES.getAddress().getPort());
        registry.add("casetrail.gateway.routes.disclosures", () -> "http://127.0.0.1:" + DISCLOSURES_PORT);
        registry.add("casetrail.gateway.routes.notifications", () -> "http://127.0.0.1:" + CASES.getAddress().getPort());
        registry.add("casetrail.gateway.directory.bcrypt-strength", () -> "4");
        registry.add("casetrail.gateway.health.timeout", () -> "1s");
        // The hostile-input run sends 10,000 requests from one address as one admin: budgets it cannot
        // spend, so that every body reaches the parser (the limits themselves: RateLimitFilterTest).
        registry.add("casetrail.gateway.rate-limit.per-address.requests", () -> "1000000");
        registry.add("casetrail.gateway.rate-limit.per-user.requests", () -> "1000000");
        registry.add("casetrail.gateway.rate-limit.login.requests", () -> "1000000");
    }

    @Autowired
    MongoTemplate mongo;

    /** The Kafka bootstrap servers the gateway publishes to. */
    abstract String kafkaBootstrapServers();

    @AfterAll
    static void resetDownstream() {
        DOWNSTREAM_CALLS.clear();
    }

    // ---- authentication ----

    @Test
    void dslGetsATokenWithTheirDirectoryClaims() throws Exception {
        HttpResponse<String> response = post("/auth/token", "{\"username\":\"dina.dsl\",\"password\":\"demo\"}", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(body.get("access_token").asText().split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo(DirectoryUser.idFor("demo-school", "dina.dsl"));
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("aud").toString()).contains("casetrail");
        assertThat(claims.get("school").asText()).isEqualTo("demo-school");
        assertThat(claims.get("roles").toString()).contains("DSL", "STAFF");
        assertThat(claims.get("preferred_username").asText()).isEqualTo("dina.dsl");
        assertThat(claims.get("name").asText()).isEqualTo("Dina DSL");
        assertThat(claims.has("jti")).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() throws Exception {
        HttpResponse<String> wrong = post("/auth/token", "{\"username\":\"dina.dsl\",\"password\":\"nope\"}", null, Map.of());
        HttpResponse<String> unknown = post("/auth/token", "{\"username\":\"nobody\",\"password\":\"demo\"}", null, Map.of());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).get("detail")).isEqualTo(JSON.readTree(wrong.body()).get("detail"));
    }

    @Test
    void tokenRequestWithoutPasswordIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = post("/auth/token", "{\"username\":\"dina.dsl\"}", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"password\"");
    }

    @Test
    void meWithoutTokenIs401ProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void tokensTheGatewayDidNotSignAreRefused() throws Exception {
        String otherKey = TestTokens.token(DirectoryUser.idFor("demo-school", "dina.dsl"), "demo-school", Role.DSL);
        assertThat(get("/api/v1/me", otherKey, Map.of()).statusCode()).isEqualTo(401);

        String[] parts = token("dina.dsl").split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertThat(get("/api/v1/me", unsigned, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void meReturnsTheStableDirectoryId() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", token("paul.principal"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("userId").asText()).isEqualTo(
                java.util.UUID.nameUUIDFromBytes("demo-school/paul.principal".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(me.get("username").asText()).isEqualTo("paul.principal");
        assertThat(me.get("displayName").asText()).isEqualTo("Paul Principal");
        assertThat(me.get("schoolId").asText()).isEqualTo("demo-school");
        assertThat(me.get("roles").toString()).isEqualTo("[\"STAFF\",\"PRINCIPAL\"]");
    }

    // ---- directory ----

    @Test
    void directorySearchStaysInsideTheCallersSchool() throws Exception {
        List<String> everyone = usernames(get("/api/v1/directory/users", token("sam.staff"), Map.of()));
        assertThat(everyone).contains("dina.dsl", "paul.principal", "ada.admin").doesNotContain("olga.other");

        assertThat(usernames(get("/api/v1/directory/users?q=A", token("sam.staff"), Map.of())))
                .contains("paul.principal", "aldo.auditor").doesNotContain("olga.other");
        assertThat(usernames(get("/api/v1/directory/users?q=dina", token("hana.hr"), Map.of())))
                .containsExactly("dina.dsl");
        assertThat(usernames(get("/api/v1/directory/users?q=a", token("olga.other"), Map.of())))
                .containsExactly("olga.other", "oscar.admin");
    }

    @Test
    void adminManagesUsersOfTheirSchoolAndChangesArePublished() throws Exception {
        String admin = token("ada.admin");
        HttpResponse<String> invalid = post("/api/v1/directory/users",
                "{\"username\":\"x\",\"displayName\":\"\",\"email\":\"not-an-email\",\"roles\":[\"STAFF\"]}", admin, Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"", "\"field\":\"email\"");

        assertThat(post("/api/v1/directory/users",
                "{\"username\":\"nina.new\",\"displayName\":\"Nina New\",\"email\":\"nina@demo-school.example\",\"roles\":[\"STAFF\"]}",
                token("paul.principal"), Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> created = post("/api/v1/directory/users",
                "{\"username\":\"nina.new\",\"displayName\":\"Nina New\",\"email\":\"nina@demo-school.example\",\"roles\":[\"STAFF\"]}",
                admin, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        String ninaId = JSON.readTree(created.body()).get("userId").asText();
        assertThat(ninaId).isEqualTo(DirectoryUser.idFor("demo-school", "nina.new"));
        assertThat(usernames(get("/api/v1/directory/users?q=nina", token("sam.staff"), Map.of()))).containsExactly("nina.new");

        HttpResponse<String> roles = send(HttpRequest.newBuilder(uri("/api/v1/directory/users/" + ninaId + "/roles"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"STAFF\",\"HR\"]}")));
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(roles.body()).contains("HR");

        HttpResponse<String> deactivated = send(HttpRequest.newBuilder(uri("/api/v1/directory/users/" + ninaId))
                .header("Authorization", "Bearer " + admin).DELETE());
        assertThat(deactivated.statusCode()).isEqualTo(204);
        assertThat(usernames(get("/api/v1/directory/users?q=nina", token("sam.staff"), Map.of()))).isEmpty();

        String olga = DirectoryUser.idFor("other-school", "olga.other");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/directory/users/" + olga)).header("Authorization", "Bearer " + admin)
                .DELETE()).statusCode()).as("another school's user is not found").isEqualTo(404);

        Map<String, EventEnvelope> latest = latestDirectoryEvents(Set.of(ninaId), e -> e.sequence() >= 3);
        EventEnvelope last = latest.get(ninaId);
        assertThat(last.sequence()).isEqualTo(3);
        assertThat(last.actor().userId()).isEqualTo(DirectoryUser.idFor("demo-school", "ada.admin"));
        DirectoryUserChanged payload = (DirectoryUserChanged) IntegrationEvents.payloadOf(last).orElseThrow();
        assertThat(payload.active()).isFalse();
        assertThat(payload.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.HR);
    }

    @Test
    void aTokenStopsWorkingWhenItsHoldersRolesChangeOrTheyAreDeactivated() throws Exception {
        String admin = token("ada.admin");
        String gwen = DirectoryUser.idFor("demo-school", "gwen.governor");
        String before = token("gwen.governor");
        assertThat(get("/api/v1/me", before, Map.of()).statusCode()).isEqualTo(200);

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/directory/users/" + gwen + "/roles"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"GOVERNOR\",\"STAFF\"]}"))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = get("/api/v1/me", before, Map.of());
        assertThat(stale.statusCode()).as("a token claiming roles the user no longer has").isEqualTo(401);
        assertThat(stale.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        String after = token("gwen.governor");
        assertThat(get("/api/v1/me", after, Map.of()).statusCode()).isEqualTo(200);

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/directory/users/" + gwen))
                .header("Authorization", "Bearer " + admin).DELETE()).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/me", after, Map.of()).statusCode()).as("a deactivated user's token").isEqualTo(401);
        assertThat(get("/api/v1/cases", after, Map.of()).statusCode()).as("nor is it routed").isEqualTo(401);
    }

    @Test
    void directoryTopicHoldsEveryDemoUser() {
        Set<String> demoIds = DemoDirectorySeeder.DEMO_USERS.stream().map(DemoDirectorySeeder.DemoUser::userId)
                .collect(Collectors.toSet());

        Map<String, EventEnvelope> latest = latestDirectoryEvents(demoIds, e -> true);

        assertThat(latest.keySet()).containsAll(demoIds);
        EventEnvelope dina = latest.get(DirectoryUser.idFor("demo-school", "dina.dsl"));
        assertThat(dina.eventType()).isEqualTo("DirectoryUserChanged");
        assertThat(dina.aggregateType()).isEqualTo("User");
        assertThat(dina.sequence()).isEqualTo(1);
        assertThat(dina.eventId()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                (dina.aggregateId() + ":1").getBytes(StandardCharsets.UTF_8)).toString());
        DirectoryUserChanged payload = (DirectoryUserChanged) IntegrationEvents.payloadOf(dina).orElseThrow();
        assertThat(payload.roles()).containsExactlyInAnyOrder(Role.DSL, Role.STAFF);
        assertThat(payload.email()).isEqualTo("dina.dsl@demo-school.example");
    }

    // ---- cross-cutting ----

    @Test
    void metricsNeedAnAdminWhileHealthStaysOpen() throws Exception {
        assertThat(get("/actuator/prometheus", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", token("sam.staff"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", token("paul.principal"), Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", token("ada.admin"), Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/health/liveness", null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void correlationIdIsEchoed() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", token("sam.staff"), Map.of("X-Correlation-Id", "it-corr-1"));
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("it-corr-1");
        assertThat(get("/api/v1/me", null, Map.of("X-Correlation-Id", "it-corr-2")).headers()
                .allValues("X-Correlation-Id")).containsExactly("it-corr-2");
    }

    // ---- routing ----

    @Test
    void routingForwardsPathBodyAuthorizationAndCorrelationId() throws Exception {
        String token = token("paul.principal");
        String body = "{\"route\":\"INVESTIGATION\",\"severity\":\"HIGH\",\"rationale\":\"ünïcode ✓\"}";

        HttpResponse<String> response = post("/api/v1/cases/c-42/triage?dryRun=false", body, token,
                Map.of("X-Correlation-Id", "it-route-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"echo\":true}");
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("it-route-1");
        Recorded call = lastCall("/api/v1/cases/c-42/triage");
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.query()).isEqualTo("dryRun=false");
        assertThat(call.body()).isEqualTo(body);
        assertThat(call.headers().get("authorization")).isEqualTo("Bearer " + token);
        assertThat(call.headers().get("x-correlation-id")).isEqualTo("it-route-1");
    }

    @Test
    void routingSendsTheGatewaysCorrelationIdWhenTheClientSentNone() throws Exception {
        HttpResponse<String> response = get("/api/v1/concerns/mine", token("sam.staff"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        String echoed = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(lastCall("/api/v1/concerns/mine").headers().get("x-correlation-id")).isEqualTo(echoed);
    }

    @Test
    void downstreamProblemComesBackUnchanged() throws Exception {
        HttpResponse<String> response = post("/api/v1/cases/c-1/problem", "{}", token("paul.principal"), Map.of());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(PROBLEM);
    }

    @Test
    void routedPathsNeedAValidTokenBeforeAnythingIsForwarded() throws Exception {
        int before = DOWNSTREAM_CALLS.size();
        HttpResponse<String> response = post("/api/v1/concerns", "{}", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(DOWNSTREAM_CALLS).hasSize(before);
    }

    @Test
    void servicesOpenApiDocumentsAreRouted() throws Exception {
        HttpResponse<String> cases = get("/v3/api-docs/cases", null, Map.of());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains("\"title\":\"cases\"");

        HttpResponse<String> own = get("/v3/api-docs", null, Map.of());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("/api/v1/me", "/api/v1/directory/users", "/auth/token");

        HttpResponse<String> config = get("/v3/api-docs/swagger-config", null, Map.of());
        assertThat(config.body()).contains("/v3/api-docs/cases", "/v3/api-docs/disclosures", "/v3/api-docs/notifications");
    }

    @Test
    void eachServicesAccessLogIsRoutedToIt() throws Exception {
        String token = token("aldo.auditor");
        HttpServer disclosures = HttpServer.create(new InetSocketAddress("127.0.0.1", DISCLOSURES_PORT), 0);
        disclosures.createContext("/", exchange -> {
            byte[] answer = ("{\"service\":\"disclosures\",\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        disclosures.start();
        try {
            // /api/v1/audit/** is case-service's, except disclosure-service's own log (docs/audit.md).
            HttpResponse<String> ofDisclosures = get("/api/v1/audit/access-log/disclosures?page=0", token, Map.of());
            assertThat(ofDisclosures.body())
                    .isEqualTo("{\"service\":\"disclosures\",\"path\":\"/api/v1/audit/access-log/disclosures\"}");
            HttpResponse<String> disclosureDigest = get("/api/v1/audit/digests/disclosures", token, Map.of());
            assertThat(disclosureDigest.body())
                    .isEqualTo("{\"service\":\"disclosures\",\"path\":\"/api/v1/audit/digests/disclosures\"}");
            HttpResponse<String> ofCases = get("/api/v1/audit/access-log?page=0", token, Map.of());
            assertThat(ofCases.body()).isEqualTo("{\"echo\":true}");
            assertThat(lastCall("/api/v1/audit/access-log").query()).isEqualTo("page=0");
        } finally {
            disclosures.stop(0);
        }
    }

    // ---- health ----

    @Test
    void healthIsDownWhileAServiceIsUnreachableAndUpWhenAllAre() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null, Map.of());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.get("components").get("mongo").get("status").asText()).isEqualTo("UP");
        JsonNode services = health.get("components").get("services").get("components");
        assertThat(services.get("cases").get("status").asText()).isEqualTo("UP");
        assertThat(services.get("disclosures").get("status").asText()).isEqualTo("DOWN");

        HttpServer disclosures = HttpServer.create(new InetSocketAddress("127.0.0.1", DISCLOSURES_PORT), 0);
        disclosures.createContext("/", AbstractGatewayIT::handle);
        disclosures.start();
        try {
            HttpResponse<String> up = get("/actuator/health", null, Map.of());
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(JSON.readTree(up.body()).get("status").asText()).isEqualTo("UP");
        } finally {
            disclosures.stop(0);
        }
    }

    // ---- hostile input ----

    /**
     * Every endpoint of the gateway that takes a body (the token endpoint and the directory's admin
     * endpoints) gets its share of 10,200 generated bodies: no server error, and no user or school stored
     * differs afterwards (the publication mark aside, which the outbox sweep may move at any time).
     */
    @Test
    void hostileBodiesGetNoServerErrorAndChangeNoUser() throws Exception {
        String admin = token("ada.admin");
        String tara = DirectoryUser.idFor("demo-school", "tara.teacher");
        Map<String, String> valid = new java.util.LinkedHashMap<>();
        valid.put("POST /auth/token", "{\"username\":\"sam.staff\",\"password\":\"demo\"}");
        valid.put("POST /api/v1/directory/users", "{\"username\":\"hostile.user\",\"displayName\":\"Hostile User\","
                + "\"email\":\"hostile@demo-school.example\",\"roles\":[\"STAFF\"]}");
        valid.put("PUT /api/v1/directory/users/" + tara + "/roles", "{\"roles\":[\"STAFF\"]}");
        List<String> before = storedDirectory();

        HostileRun.Result result = HostileRun.against(valid, 10_200, 6L, (endpoint, body) -> {
            String[] methodAndPath = endpoint.split(" ", 2);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(methodAndPath[1]))
                    .header("Content-Type", "application/json")
                    .method(methodAndPath[0], HttpRequest.BodyPublishers.ofByteArray(body));
            if (!methodAndPath[1].equals("/auth/token")) {
                request.header("Authorization", "Bearer " + admin);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        });

        assertThat(result.sent()).isGreaterThanOrEqualTo(10_000);
        assertThat(storedDirectory()).as("users and schools after the run").isEqualTo(before);
    }

    private List<String> storedDirectory() {
        List<String> documents = new ArrayList<>();
        for (String collection : List.of(DirectoryUser.COLLECTION, "schools")) {
            mongo.getCollection(collection).find().forEach(document -> {
                document.remove("publishedVersion");
                documents.add(collection + " " + document.toJson());
            });
        }
        documents.sort(String::compareTo);
        return documents;
    }

    // ---- helpers ----

    static final String PROBLEM = "{\"type\":\"urn:casetrail:problem:rule-violation\",\"title\":\"A rule of the policy forbids this\","
            + "\"status\":422,\"detail\":\"P8\",\"rule\":\"P8\"}";

    record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
    }

    String token(String username) throws Exception {
        HttpResponse<String> response = post("/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"demo\"}", null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    Map<String, EventEnvelope> latestDirectoryEvents(Set<String> wanted,
                                                     java.util.function.Predicate<EventEnvelope> enough) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, EventEnvelope> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.partitionsFor(Topics.DIRECTORY_EVENTS)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)
                    && !(latest.keySet().containsAll(wanted) && wanted.stream().allMatch(id -> enough.test(latest.get(id))))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
                    assertThat(record.key()).isEqualTo(envelope.aggregateId());
                    latest.merge(envelope.aggregateId(), envelope, (a, b) -> b.sequence() >= a.sequence() ? b : a);
                }
            }
        }
        return latest;
    }

    private static List<String> usernames(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).forEach(user -> names.add(user.get("username").asText()));
        return names;
    }

    private static Recorded lastCall(String path) {
        return DOWNSTREAM_CALLS.stream().filter(c -> c.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> post(String path, String body, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpServer startCasesService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", AbstractGatewayIT::handle);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String contentType = "application/json";
        int status = 200;
        String answer;
        if (path.equals("/actuator/health")) {
            answer = "{\"status\":\"UP\"}";
        } else if (path.equals("/v3/api-docs")) {
            answer = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"cases\",\"version\":\"v1\"},\"paths\":{}}";
        } else {
            DOWNSTREAM_CALLS.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, body));
            if (path.endsWith("/problem")) {
                status = 422;
                contentType = "application/problem+json";
                answer = PROBLEM;
            } else {
                answer = "{\"echo\":true}";
            }
            // A service echoes the correlation id too; the client must still see it once.
            exchange.getResponseHeaders().add("X-Correlation-Id", headers.getOrDefault("x-correlation-id", "none"));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(String type, byte[] der) {
        try {
            Path file = Files.createTempFile("gateway-it-" + type.replace(' ', '-').toLowerCase(), ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
