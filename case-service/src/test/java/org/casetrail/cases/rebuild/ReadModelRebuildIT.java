package org.casetrail.cases.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An ADMIN rebuilds case-service's read models from the events, and they come back as they were. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetrail.cases.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
class ReadModelRebuildIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REBUILD = "/api/v1/admin/read-models/rebuild";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-rebuild-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();

    @Test
    void rebuiltReadModelsEqualTheOldOnes() throws Exception {
        List<String> cases = new ArrayList<>();
        for (String category : List.of("STAFF_CONDUCT", "POLICY_QUERY", "ABUSE_OF_STAFF", "SAFEGUARDING")) {
            cases.add(JSON.readTree(send("POST", "/api/v1/concerns", reporter, Role.STAFF, "{\"category\":\"" + category
                    + "\",\"summary\":\"s\",\"details\":\"d\",\"occurredAt\":\"2026-11-20T10:00:00Z\"}").body())
                    .get("caseId").asText());
        }
        assertThat(send("POST", "/api/v1/cases/" + cases.get(1) + "/triage", principal, Role.PRINCIPAL,
                "{\"route\":\"NO_FURTHER_ACTION\",\"severity\":\"LOW\",\"rationale\":\"answered\"}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/cases/" + cases.get(1), principal, Role.PRINCIPAL).get("status").asText())
                        .isEqualTo("TRIAGED"));
        JsonNode listBefore = get("/api/v1/cases", principal, Role.PRINCIPAL);
        JsonNode detailBefore = get("/api/v1/cases/" + cases.get(1), principal, Role.PRINCIPAL);
        JsonNode mineBefore = get("/api/v1/concerns/mine", reporter, Role.STAFF);
        assertThat(listBefore.get("total").asInt()).isEqualTo(4);

        HttpResponse<String> started = send("POST", REBUILD, "admin-1", Role.ADMIN, null);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(started.body()).get("rebuilding").toString())
                .contains("case-detail", "reporter-view").doesNotContain("case-publisher");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = get(REBUILD, "admin-1", Role.ADMIN);
            progress.forEach(p -> {
                // Axon keeps a processor marked as replaying until an event past the reset point
                // arrives; caught up is position at the head, without error.
                assertThat(p.get("error").asBoolean()).isFalse();
                assertThat(p.get("done").asLong()).isEqualTo(p.get("total").asLong());
            });
            assertThat(get("/api/v1/cases", principal, Role.PRINCIPAL)).isEqualTo(listBefore);
            assertThat(get("/api/v1/cases/" + cases.get(1), principal, Role.PRINCIPAL)).isEqualTo(detailBefore);
            assertThat(get("/api/v1/concerns/mine", reporter, Role.STAFF)).isEqualTo(mineBefore);
        });
    }

    @Test
    void onlyAnAdminRebuilds() throws Exception {
        assertThat(send("POST", REBUILD, principal, Role.PRINCIPAL, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", REBUILD, principal, Role.PRINCIPAL, null).statusCode()).isEqualTo(403);
    }

    private JsonNode get(String path, String userId, Role role) throws Exception {
        HttpResponse<String> response = send("GET", path, userId, role, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, Role role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role, Role.STAFF));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
