package org.casetrail.cases.lifecycle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Cases commands over HTTP on the embedded stack: a case from report to appeal, and the refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class CaseCommandsIT {

    private static final String SCHOOL = "school-cases-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-commands-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String subject = "subject-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String hr = "hr-" + UUID.randomUUID();
    private final String investigator = "investigator-" + UUID.randomUUID();
    private final String governor = "governor-" + UUID.randomUUID();
    private final String governor2 = "governor2-" + UUID.randomUUID();

    @Test
    void aConductCaseRunsFromReportToAppealDecision() throws Exception {
        String caseId = report();
        expect(post(caseId, "/triage", principal, SCHOOL, """
                {"route":"INVESTIGATION","severity":"HIGH","rationale":"harassment of a colleague"}""", Role.PRINCIPAL), 200);
        expect(post(caseId, "/investigator", hr, SCHOOL, "{\"investigatorId\":\"" + investigator + "\"}", Role.HR), 200);
        HttpResponse<String> evidence = post(caseId, "/evidence", investigator, SCHOOL, """
                {"kind":"SCREENSHOT","description":"the post","sha256":"%s"}""".formatted("ab".repeat(32)),
                Role.INVESTIGATOR);
        expect(evidence, 201);
        assertThat(JSON.readTree(evidence.body()).get("evidenceId").asText()).isNotBlank();
        expect(post(caseId, "/interviews", investigator, SCHOOL, """
                {"intervieweeId":"%s","heldAt":"%s","summary":"admitted it"}""".formatted(subject, Instant.now().minusSeconds(60)),
                Role.INVESTIGATOR), 201);
        expect(post(caseId, "/findings", investigator, SCHOOL, """
                {"breachFound":true,"breachedClauses":["P7.HARASSMENT"],"grossMisconduct":false,"summary":"breach"}""",
                Role.INVESTIGATOR), 200);
        expect(post(caseId, "/hearing", hr, SCHOOL, """
                {"scheduledFor":"%s","noticeGivenAt":"%s","decisionMakerId":"%s","companionAllowed":true}"""
                .formatted(Instant.now().plus(Duration.ofDays(7)), Instant.now().minusSeconds(60), governor), Role.HR), 200);
        expect(post(caseId, "/hearing/held", hr, SCHOOL, """
                {"heldAt":"%s","accompaniedBy":"union rep","notes":"heard"}""".formatted(Instant.now().minusSeconds(1)),
                Role.HR), 200);
        expect(post(caseId, "/outcome", governor, SCHOOL, """
                {"outcome":"FINAL_WRITTEN_WARNING","rationale":"repeated"}""", Role.GOVERNOR), 200);
        expect(post(caseId, "/appeal", subject, SCHOOL, """
                {"grounds":"too harsh","appealDeciderId":"%s"}""".formatted(governor2), Role.STAFF), 200);
        expect(post(caseId, "/appeal/decision", governor2, SCHOOL, """
                {"decision":"VARIED","variedOutcome":"FIRST_WRITTEN_WARNING","rationale":"mitigation"}""", Role.GOVERNOR), 200);

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(caseId).asStream().toList();
        assertThat(stored).hasSize(11);
        DomainEventMessage<?> last = stored.get(stored.size() - 1);
        assertThat(last.getPayloadType().getSimpleName()).isEqualTo("AppealDecided");
        assertThat(last.getMetaData()).containsEntry("actorId", governor2).containsEntry("actorRole", "GOVERNOR")
                .containsEntry("schoolId", SCHOOL);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> detail = get(caseId, principal, SCHOOL, Role.PRINCIPAL);
            expect(detail, 200);
            JsonNode body = JSON.readTree(detail.body());
            assertThat(body.get("status").asText()).isEqualTo("CLOSED");
            assertThat(body.get("resolution").asText()).isEqualTo("APPEAL_DECIDED");
            assertThat(body.get("history")).hasSize(11);
            assertThat(body.get("history").get(1).get("type").asText()).isEqualTo("CaseTriaged");
            assertThat(body.get("history").get(1).get("actorId").asText()).isEqualTo(principal);
            assertThat(body.get("history").get(1).get("data").get("rationale").asText())
                    .isEqualTo("harassment of a colleague");
        });
        expect(get(caseId, investigator, SCHOOL, Role.INVESTIGATOR), 200);
        expect(get(caseId, "another-investigator", SCHOOL, Role.INVESTIGATOR), 404);
        expect(get(caseId, subject, SCHOOL, Role.PRINCIPAL), 404);
        expect(get(caseId, "other-principal", "other-school", Role.PRINCIPAL), 404);
        expect(get(caseId, reporter, SCHOOL, Role.STAFF), 403);
    }

    private HttpResponse<String> get(String caseId, String user, String school, Role... roles) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId))
                .header("Authorization", "Bearer " + TestTokens.token(user, school, roles)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusalsNameTheStateOrTheRuleAndStoreNothing() throws Exception {
        String caseId = report();
        HttpResponse<String> wrongState = post(caseId, "/findings", hr, SCHOOL, """
                {"breachFound":false,"grossMisconduct":false,"summary":"none"}""", Role.HR);
        expect(wrongState, 409);
        assertThat(JSON.readTree(wrongState.body()).get("state").asText()).isEqualTo("REPORTED");

        expect(post(caseId, "/triage", principal, SCHOOL, """
                {"route":"INVESTIGATION","severity":"LOW","rationale":"r"}""", Role.PRINCIPAL), 200);
        HttpResponse<String> conflictOfInterest = post(caseId, "/investigator", hr, SCHOOL,
                "{\"investigatorId\":\"" + subject + "\"}", Role.HR);
        expect(conflictOfInterest, 422);
        assertThat(JSON.readTree(conflictOfInterest.body()).get("rule").asText())
                .isEqualTo("INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT");
        assertThat(eventStore.readEvents(caseId).asStream().count()).isEqualTo(2);
    }

    @Test
    void aCaseIsHiddenFromOtherSchoolsFromItsSubjectAndFromUnknownCallers() throws Exception {
        String caseId = report();
        String triage = """
                {"route":"NO_FURTHER_ACTION","severity":"LOW","rationale":"r"}""";
        expect(post(caseId, "/triage", "other-principal", "other-school", triage, Role.PRINCIPAL), 404);
        expect(post(caseId, "/triage", subject, SCHOOL, triage, Role.PRINCIPAL), 404);
        expect(post(UUID.randomUUID().toString(), "/triage", principal, SCHOOL, triage, Role.PRINCIPAL), 404);
        expect(post(caseId, "/withdraw", "someone-else", SCHOOL, "{\"reason\":\"r\"}", Role.STAFF), 404);
        expect(post(caseId, "/triage", hr, SCHOOL, triage, Role.HR), 403);
        expect(post(caseId, "/triage", principal, SCHOOL, "{\"route\":\"SIDEWAYS\",\"severity\":\"LOW\",\"rationale\":\"r\"}",
                Role.PRINCIPAL), 400);
        expect(post(caseId, "/withdraw", reporter, SCHOOL, "{\"reason\":\"sorted\"}", Role.STAFF), 200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> mine = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/concerns/mine"))
                    .header("Authorization", "Bearer " + TestTokens.token(reporter, SCHOOL, Role.STAFF)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(mine.body()).get(0).get("status").asText()).isEqualTo("CLOSED");
        });
    }

    private String report() throws Exception {
        HttpResponse<String> response = send("/api/v1/concerns", reporter, SCHOOL, """
                {"category":"STAFF_CONDUCT","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z",
                 "subject":{"type":"STAFF","userId":"%s","name":"A Colleague"}}""".formatted(subject), Role.STAFF);
        expect(response, 201);
        return JSON.readTree(response.body()).get("caseId").asText();
    }

    private HttpResponse<String> post(String caseId, String path, String user, String school, String body, Role... roles)
            throws Exception {
        return send("/api/v1/cases/" + caseId + path, user, school, body, roles);
    }

    private HttpResponse<String> send(String path, String user, String school, String body, Role... roles)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(user, school, roles))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
    }
}
