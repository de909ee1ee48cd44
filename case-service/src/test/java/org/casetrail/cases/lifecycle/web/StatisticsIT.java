package org.casetrail.cases.lifecycle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.cases.deadlines.DeadlineWatch;
import org.casetrail.cases.deadlines.MondayMorningClock;
import org.casetrail.platform.testing.MutableClock;
import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/v1/statistics (P5): the Principal's counts for their own school, overdue cases, and the
 * median days to triage and to findings, measured on the cases' own clock; driven through HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetrail.cases.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
@Import(MondayMorningClock.class)
class StatisticsIT {

    private static final Duration DAY = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-statistics-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineWatch watch;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String otherSchool = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String investigator = "investigator-" + UUID.randomUUID();

    @Test
    void countsMediansAndOverdueCasesOfThePrincipalsOwnSchool() throws Exception {
        String conduct = report(school, "STAFF_CONDUCT");
        String query = report(school, "POLICY_QUERY");
        String abuse = report(school, "ABUSE_OF_STAFF");
        report(otherSchool, "SAFEGUARDING");
        // the deadline clocks are started before time moves on
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode list = get("/api/v1/cases", principal, school, Role.PRINCIPAL);
            assertThat(list.get("total").asInt()).isEqualTo(3);
            list.get("items").forEach(item -> assertThat(item.hasNonNull("dueAt")).as(item.toString()).isTrue());
        });

        clock.advance(DAY); // Tuesday: the conduct case is triaged after 1 day
        command(conduct, "triage", principal, Role.PRINCIPAL,
                "{\"route\":\"INVESTIGATION\",\"severity\":\"MEDIUM\",\"rationale\":\"r\"}");
        clock.advance(DAY); // Wednesday: the abuse case after 2 days; the investigation starts
        command(abuse, "triage", principal, Role.PRINCIPAL,
                "{\"route\":\"SUPPORT\",\"severity\":\"LOW\",\"rationale\":\"r\"}");
        command(conduct, "investigator", principal, Role.PRINCIPAL, "{\"investigatorId\":\"" + investigator + "\"}");
        clock.advance(DAY.multipliedBy(2)); // Friday: the policy query, untouched, is overdue twice over
        watch.fireDue();
        command(conduct, "findings", investigator, Role.INVESTIGATOR,
                "{\"breachFound\":false,\"breachedClauses\":[],\"grossMisconduct\":false,\"summary\":\"s\"}");
        command(abuse, "support", principal, Role.PRINCIPAL, "{\"offeredTo\":\"the teacher\",\"description\":\"d\"}");
        command(abuse, "close", principal, Role.PRINCIPAL, "{\"rationale\":\"supported\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stats = statistics("");
            assertThat(stats.get("byStatus").get("CLOSED").asLong()).isEqualTo(1);
            assertThat(stats.get("byStatus").get("FINDINGS_RECORDED").asLong()).isEqualTo(1);
            assertThat(stats.get("overdue").get("open").asLong()).isEqualTo(1);
        });
        JsonNode stats = statistics("");
        assertThat(stats.get("cases").asLong()).isEqualTo(3);
        assertThat(JSON.convertValue(stats.get("byCategory"), java.util.Map.class)).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("SAFEGUARDING", 0, "STAFF_CONDUCT", 1, "ABUSE_OF_STAFF", 1, "POLICY_QUERY", 1));
        assertThat(stats.get("byStatus").get("REPORTED").asLong()).isEqualTo(1);
        assertThat(stats.get("byStatus").get("TRIAGED").asLong()).isZero();
        assertThat(stats.get("byRoute").get("INVESTIGATION").asLong()).isEqualTo(1);
        assertThat(stats.get("byRoute").get("SUPPORT").asLong()).isEqualTo(1);
        assertThat(stats.get("byRoute").get("NO_FURTHER_ACTION").asLong()).isZero();
        assertThat(stats.get("byOutcome")).hasSize(4)
                .allSatisfy(count -> assertThat(count.asLong()).isZero());
        JsonNode overdue = stats.get("overdue").get("byKind");
        assertThat(overdue.get("TRIAGE").asLong()).isEqualTo(1);
        assertThat(overdue.get("POLICY_QUERY_ANSWER").asLong()).isEqualTo(1);
        assertThat(overdue.get("INVESTIGATION").asLong()).isZero();
        assertThat(stats.get("medianDaysToTriage").asDouble()).isEqualTo(1.5);
        assertThat(stats.get("triaged").asLong()).isEqualTo(2);
        assertThat(stats.get("medianDaysToFindings").asDouble()).isEqualTo(2.0);
        assertThat(stats.get("withFindings").asLong()).isEqualTo(1);
        assertThat(stats.toString()).doesNotContain(conduct, query, abuse, reporter);

        // submittedAt in [from, to)
        assertThat(statistics("?from=2026-11-23T09:00:00Z").get("cases").asLong()).isEqualTo(3);
        assertThat(statistics("?from=2026-11-23T09:00:00Z&to=2026-11-23T09:00:01Z").get("cases").asLong())
                .isEqualTo(3);
        assertThat(statistics("?to=2026-11-23T09:00:00Z").get("cases").asLong()).isZero();
        JsonNode later = statistics("?from=2026-11-24T00:00:00Z");
        assertThat(later.get("cases").asLong()).isZero();
        assertThat(later.hasNonNull("medianDaysToTriage")).isFalse();

        // the other school's Principal sees their own case only
        JsonNode other = get("/api/v1/statistics", "principal-" + UUID.randomUUID(), otherSchool, Role.PRINCIPAL);
        assertThat(other.get("cases").asLong()).isEqualTo(1);
        assertThat(other.get("byCategory").get("SAFEGUARDING").asLong()).isEqualTo(1);
    }

    @Test
    void onlyThePrincipalAsksAndBadBoundsAreRefusedNamingTheParameter() throws Exception {
        HttpResponse<String> reversed = send("GET", "/api/v1/statistics?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z",
                principal, school, Role.PRINCIPAL, null);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"from\"");
        HttpResponse<String> garbled = send("GET", "/api/v1/statistics?to=yesterday", principal, school,
                Role.PRINCIPAL, null);
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("\"field\":\"to\"");
        assertThat(send("GET", "/api/v1/statistics", "dsl-1", school, Role.DSL, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/statistics", reporter, school, Role.STAFF, null).statusCode()).isEqualTo(403);
    }

    private JsonNode statistics(String query) throws Exception {
        return get("/api/v1/statistics" + query, principal, school, Role.PRINCIPAL);
    }

    private String report(String schoolId, String category) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/concerns", reporter, schoolId, Role.STAFF,
                "{\"category\":\"" + category + "\",\"summary\":\"s\",\"details\":\"d\","
                        + "\"occurredAt\":\"2026-11-20T10:00:00Z\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("caseId").asText();
    }

    private void command(String caseId, String action, String userId, Role role, String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/cases/" + caseId + "/" + action, userId, school, role,
                body);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(200);
    }

    private JsonNode get(String path, String userId, String schoolId, Role role) throws Exception {
        HttpResponse<String> response = send("GET", path, userId, schoolId, role, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, String schoolId, Role role,
                                      String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolId, role, Role.STAFF));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
