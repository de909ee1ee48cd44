package org.casetrail.disclosures.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.contracts.disclosures.PolicyAcknowledgementDue;
import org.casetrail.contracts.disclosures.PolicyVersionPublished;
import org.casetrail.disclosures.directory.DirectoryCopy;
import org.casetrail.disclosures.policy.reminders.PolicyReminderWatch;
import org.casetrail.disclosures.testing.DisclosureTopic;
import org.casetrail.disclosures.testing.ClockedStackIT;
import org.casetrail.platform.testing.MutableClock;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policy versions on this machine's stack: published by an ADMIN, acknowledged by staff, training
 * recorded by HR, the Principal's report against the school's staff as the directory topic names them,
 * and the reminder rounds, driven by hand with a clock the test moves.
 */
class PolicyVersionsIT extends ClockedStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    PolicyReminderWatch reminders;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DirectoryCopy directory;
    // This context's own broker: the spring.embedded.kafka.brokers property behind
    // spring.kafka.bootstrap-servers names whichever embedded broker started last, which, once this
    // cached context is reused after another test class, is not the one the service publishes to.
    @Autowired
    EmbeddedKafkaBroker broker;
    String bootstrapServers;

    @BeforeEach
    void ownBroker() {
        bootstrapServers = broker.getBrokersAsString();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePrincipalSeesWhoHasAndHasNotAcknowledgedAndTheRestAreReminded() throws Exception {
        String school = "school-" + UUID.randomUUID();
        String other = "school-" + UUID.randomUUID();
        String ada = user(school, "Ada Acknowledger", true, Role.STAFF);
        String bo = user(school, "Bo Busy", true, Role.STAFF, Role.DSL);
        String pat = user(school, "Pat Principal", true, Role.PRINCIPAL, Role.STAFF);
        user(school, "Ad Min", true, Role.ADMIN);
        user(school, "Lee Left", false, Role.STAFF);
        String stranger = user(other, "Sam Elsewhere", true, Role.STAFF);
        LocalDate today = LocalDate.now(clock);
        // request validation reads the real clock, which the moved one is never behind
        LocalDate trainedOn = LocalDate.now(LONDON);
        String version = "2026." + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> published = post("/api/v1/policy-versions", "admin-1", school, Role.ADMIN,
                publishBody(version, today), "corr-policy-1");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(JSON.readTree(published.body()).get("version").asText()).isEqualTo(version);
        assertThat(post("/api/v1/policy-versions", "admin-1", school, Role.ADMIN, publishBody(version, today), null)
                .statusCode()).as("published once").isEqualTo(409);
        assertThat(post("/api/v1/policy-versions", ada, school, Role.STAFF, publishBody("9.9", today), null)
                .statusCode()).as("ADMIN only").isEqualTo(403);

        String ack = "/api/v1/policy-versions/" + version + "/acknowledgements";
        assertThat(post(ack, ada, school, Role.STAFF, "{}", null).statusCode()).isEqualTo(200);
        assertThat(post(ack, ada, school, Role.STAFF, "{}", null).statusCode()).as("again: no change").isEqualTo(200);
        assertThat(post(ack, stranger, other, Role.STAFF, "{}", null).statusCode()).as("another school's").isEqualTo(404);

        // The directory copy follows the topic: wait until it knows the school's staff.
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isStaffOf(school, bo) && directory.isStaffOf(school, pat)
                && directory.find(stranger).isPresent());
        String training = "/api/v1/policy-versions/" + version + "/training-completions";
        assertThat(post(training, "hr-1", school, Role.HR, trainingBody(bo, trainedOn), null).statusCode()).isEqualTo(200);
        assertThat(post(training, "hr-1", school, Role.HR, trainingBody(stranger, trainedOn), null).statusCode())
                .as("not staff of this school").isEqualTo(422);
        assertThat(post(training, ada, school, Role.STAFF, trainingBody(bo, trainedOn), null).statusCode())
                .as("HR only").isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = get(ack, "principal-1", school, Role.PRINCIPAL);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(response.body());
            assertThat(report.get("acknowledged").findValuesAsText("userId")).containsExactly(ada);
            assertThat(report.get("acknowledged").get(0).get("displayName").asText()).isEqualTo("Ada Acknowledger");
            assertThat(report.get("notAcknowledged").findValuesAsText("userId")).containsExactly(bo, pat);
            assertThat(report.get("notAcknowledged").get(0).get("trainingCompletedOn").asText()).isEqualTo(trainedOn.toString());
        });
        assertThat(get(ack, "olga", other, Role.PRINCIPAL).statusCode()).as("another school's").isEqualTo(404);
        assertThat(get(ack, ada, school, Role.STAFF).statusCode()).as("PRINCIPAL only").isEqualTo(403);

        String policyVersionId = school + ":" + version;
        EventEnvelope publication = DisclosureTopic.envelopes(bootstrapServers, policyVersionId,
                DisclosureTopic.ofType("PolicyVersionPublished"), 1, Duration.ofSeconds(20), Duration.ZERO).get(0);
        assertThat(publication.schoolId()).isEqualTo(school);
        assertThat(publication.correlationId()).isEqualTo("corr-policy-1");
        assertThat(((PolicyVersionPublished) IntegrationEvents.payloadOf(publication).orElseThrow()).version())
                .isEqualTo(version);

        reminders.fireDue();
        assertThat(DisclosureTopic.publishedSoFar(bootstrapServers, policyVersionId,
                DisclosureTopic.ofType("PolicyAcknowledgementDue"))).as("not yet").isEmpty();
        clock.set(today.plusDays(7).atTime(9, 0).atZone(LONDON).toInstant());
        reminders.fireDue();
        reminders.fireDue();
        List<EventEnvelope> due = DisclosureTopic.envelopes(bootstrapServers, policyVersionId,
                DisclosureTopic.ofType("PolicyAcknowledgementDue"), 2, Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(due).extracting(e -> ((PolicyAcknowledgementDue) IntegrationEvents.payloadOf(e).orElseThrow()).userId())
                .containsExactlyInAnyOrder(bo, pat);
        assertThat(due).allSatisfy(e -> {
            PolicyAcknowledgementDue reminder = (PolicyAcknowledgementDue) IntegrationEvents.payloadOf(e).orElseThrow();
            assertThat(reminder.reminder()).isEqualTo(1);
            assertThat(reminder.version()).isEqualTo(version);
            assertThat(e.actor().userId()).isEqualTo("system:deadlines");
        });
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String school = "school-" + UUID.randomUUID();
        long before = mongo.getCollection("ct_events").countDocuments();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("version", "{\"version\":\"../etc\",\"title\":\"t\",\"text\":\"x\",\"effectiveFrom\":\"2026-12-01\"}");
        cases.put("title", "{\"version\":\"1\",\"title\":\" \",\"text\":\"x\",\"effectiveFrom\":\"2026-12-01\"}");
        cases.put("text", "{\"version\":\"1\",\"title\":\"t\",\"effectiveFrom\":\"2026-12-01\"}");
        cases.put("effectiveFrom", "{\"version\":\"1\",\"title\":\"t\",\"text\":\"x\",\"effectiveFrom\":\"soon\"}");
        cases.put("isCurrent", "{\"version\":\"1\",\"title\":\"t\",\"text\":\"x\",\"effectiveFrom\":\"2026-12-01\",\"isCurrent\":true}");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = post("/api/v1/policy-versions", "admin-1", school, Role.ADMIN, bad.getValue(), null);
            assertThat(response.statusCode()).as("%s: %s", bad.getKey(), response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field"))
                    .as("%s: %s", bad.getKey(), response.body()).contains(bad.getKey());
        }
        HttpResponse<String> future = post("/api/v1/policy-versions/1/training-completions", "hr-1", school, Role.HR,
                trainingBody("staff-1", LocalDate.now().plusDays(3)), null);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(future.body()).path("errors").findValuesAsText("field")).contains("completedOn");
        HttpResponse<String> extra = post("/api/v1/policy-versions/1/acknowledgements", "staff-1", school, Role.STAFF,
                "{\"acknowledged\":false}", null);
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/policy-versions/1/acknowledgements", "staff-1", school, Role.STAFF, "{}", null)
                .statusCode()).as("no such version").isEqualTo(404);
        assertThat(mongo.getCollection("ct_events").countDocuments()).isEqualTo(before);
    }

    private String user(String school, String name, boolean active, Role... roles) throws Exception {
        String userId = "user-" + UUID.randomUUID();
        DirectoryUserChanged changed = new DirectoryUserChanged(userId, school, name.toLowerCase().replace(' ', '.'),
                name, null, Set.of(roles), active);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(),
                IntegrationEvents.typeOf(DirectoryUserChanged.class), IntegrationEvents.versionOf(DirectoryUserChanged.class),
                Instant.now(), school, "DirectoryUser", userId, 1, "it", "it", Actor.system("it"),
                IntegrationEvents.toPayload(changed));
        kafka.send(Topics.DIRECTORY_EVENTS, userId, IntegrationEvents.toJson(envelope)).get();
        return userId;
    }

    private static String publishBody(String version, LocalDate effectiveFrom) {
        return """
                {"version":"%s","title":"Staff social media policy","text":"Staff keep personal accounts private.",
                 "effectiveFrom":"%s"}""".formatted(version, effectiveFrom);
    }

    private static String trainingBody(String userId, LocalDate completedOn) {
        return "{\"userId\":\"" + userId + "\",\"completedOn\":\"" + completedOn + "\"}";
    }

    private HttpResponse<String> post(String path, String userId, String school, Role role, String body,
                                      String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String userId, String school, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + TestTokens.token(userId, school, role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
