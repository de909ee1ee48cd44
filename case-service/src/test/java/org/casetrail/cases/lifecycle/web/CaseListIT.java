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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/v1/cases: only the cases the caller may see, with api.md's filters, paging and overdue flag. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetrail.cases.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
@Import(MondayMorningClock.class)
class CaseListIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-list-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineWatch watch;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String dsl = "dsl-" + UUID.randomUUID();
    private final String hr = "hr-" + UUID.randomUUID();

    @Test
    void eachRoleSeesOnlyItsCasesAndTheSubjectNeverSeesTheirs() throws Exception {
        String safeguarding = report("SAFEGUARDING", null);
        String conduct = report("STAFF_CONDUCT", null);
        String aboutHr = report("STAFF_CONDUCT", hr);
        String query = report("POLICY_QUERY", null);
        String elsewhere = reportIn("school-" + UUID.randomUUID(), "POLICY_QUERY");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ids(list(principal, ""))).containsExactlyInAnyOrder(safeguarding, conduct, aboutHr, query));
        assertThat(ids(list(dsl, ""))).containsExactly(safeguarding);
        assertThat(ids(list(hr, ""))).containsExactly(conduct).doesNotContain(aboutHr);
        assertThat(ids(list(principal, ""))).doesNotContain(elsewhere);
        assertThat(ids(list(principal, "?category=POLICY_QUERY"))).containsExactly(query);
        assertThat(ids(list(principal, "?status=REPORTED"))).hasSize(4);
        assertThat(ids(list(principal, "?status=CLOSED"))).isEmpty();

        JsonNode firstPage = list(principal, "?size=3&page=0");
        JsonNode secondPage = list(principal, "?size=3&page=1");
        assertThat(firstPage.get("total").asInt()).isEqualTo(4);
        assertThat(firstPage.get("items")).hasSize(3);
        assertThat(secondPage.get("items")).hasSize(1);
        JsonNode item = firstPage.get("items").get(0);
        assertThat(item.has("summary")).isFalse();
        assertThat(item.has("details")).isFalse();
    }

    @Test
    void aCaseNotTriagedInTimeIsOverdueUntilItIsTriaged() throws Exception {
        String caseId = report("STAFF_CONDUCT", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode item = only(list(principal, ""), caseId);
            assertThat(item.get("overdue").asBoolean()).isFalse();
            assertThat(item.hasNonNull("dueAt")).isTrue();
        });

        clock.advance(Duration.ofDays(3));
        watch.fireDue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(only(list(principal, ""), caseId).get("overdue").asBoolean()).isTrue();
            assertThat(ids(list(principal, "?overdue=true"))).contains(caseId);
        });

        HttpResponse<String> triaged = send("POST", "/api/v1/cases/" + caseId + "/triage", principal, Role.PRINCIPAL,
                "{\"route\":\"INVESTIGATION\",\"severity\":\"MEDIUM\",\"rationale\":\"needs a look\"}");
        assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ids(list(principal, "?overdue=true"))).doesNotContain(caseId));
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/cases?status=LOST", principal, Role.PRINCIPAL, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"status\"");
        assertThat(send("GET", "/api/v1/cases?size=1000", principal, Role.PRINCIPAL, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/cases", reporter, Role.STAFF, null).statusCode()).isEqualTo(403);
    }

    private String report(String category, String subjectUserId) throws Exception {
        return reportAs(school, category, subjectUserId);
    }

    private String reportIn(String otherSchool, String category) throws Exception {
        return reportAs(otherSchool, category, null);
    }

    private String reportAs(String schoolId, String category, String subjectUserId) throws Exception {
        String subject = subjectUserId == null ? "" : ",\"subject\":{\"type\":\"STAFF\",\"userId\":\"" + subjectUserId + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/concerns"))
                .header("Authorization", "Bearer " + TestTokens.token(reporter, schoolId, Role.STAFF))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"" + category + "\",\"summary\":\"s\","
                        + "\"details\":\"d\",\"occurredAt\":\"2026-11-20T10:00:00Z\"" + subject + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("caseId").asText();
    }

    private JsonNode list(String userId, String query) throws Exception {
        Role role = userId.equals(dsl) ? Role.DSL : userId.equals(hr) ? Role.HR : Role.PRINCIPAL;
        HttpResponse<String> response = send("GET", "/api/v1/cases" + query, userId, role, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String userId, Role role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role, Role.STAFF));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static JsonNode only(JsonNode page, String caseId) {
        for (JsonNode item : page.get("items")) {
            if (caseId.equals(item.get("caseId").asText())) {
                return item;
            }
        }
        throw new AssertionError("case " + caseId + " not in " + page);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
