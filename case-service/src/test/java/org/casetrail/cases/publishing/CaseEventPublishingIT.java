package org.casetrail.cases.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher on the embedded stack: commands over HTTP, domain events in the Mongo event store, and
 * the integration events on the broker, with the people they name read back from the case's stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class CaseEventPublishingIT {

    private static final String SCHOOL = "school-publishing-it";
    private static final String CONTENT = "WRITTEN-CONTENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-publishing-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String reporter = "reporter-" + UUID.randomUUID();
    private final String subject = "subject-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String hr = "hr-" + UUID.randomUUID();
    private final String investigator = "investigator-" + UUID.randomUUID();
    private final String governor = "governor-" + UUID.randomUUID();

    @Test
    void aConductCaseUpToItsHearingIsPublishedWithThePeopleToRouteToAndNoContent() throws Exception {
        HttpResponse<String> reported = send("/api/v1/concerns", reporter, """
                {"category":"STAFF_CONDUCT","summary":"%s s","details":"%s d","occurredAt":"2026-01-10T20:00:00Z",
                 "subject":{"type":"STAFF","userId":"%s","name":"A Colleague"}}""".formatted(CONTENT, CONTENT, subject),
                Role.STAFF);
        expect(reported, 201);
        String caseId = JSON.readTree(reported.body()).get("caseId").asText();
        expect(send("/api/v1/cases/" + caseId + "/triage", principal, """
                {"route":"INVESTIGATION","severity":"HIGH","rationale":"%s"}""".formatted(CONTENT), Role.PRINCIPAL), 200);
        expect(send("/api/v1/cases/" + caseId + "/investigator", hr,
                "{\"investigatorId\":\"" + investigator + "\"}", Role.HR), 200);
        expect(send("/api/v1/cases/" + caseId + "/findings", investigator, """
                {"breachFound":true,"breachedClauses":["P7.HARASSMENT"],"grossMisconduct":false,"summary":"%s"}"""
                .formatted(CONTENT), Role.INVESTIGATOR), 200);
        expect(send("/api/v1/cases/" + caseId + "/hearing", hr, """
                {"scheduledFor":"%s","noticeGivenAt":"%s","decisionMakerId":"%s","companionAllowed":true}"""
                .formatted(Instant.now().plus(Duration.ofDays(7)), Instant.now().minusSeconds(60), governor), Role.HR),
                200);

        List<ConsumerRecord<String, String>> records = awaitRecordsFor(caseId, 4);
        List<EventEnvelope> envelopes = records.stream().map(r -> IntegrationEvents.fromJson(r.value())).toList();
        assertThat(envelopes).extracting(EventEnvelope::eventType).containsExactly("CaseConcernReported",
                "CaseTriaged", "CaseInvestigatorAssigned", "CaseHearingScheduled");
        assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain(CONTENT));
        String reference = envelopes.get(0).payload().get("reference").asText();

        JsonNode assigned = envelopes.get(2).payload();
        assertThat(assigned.get("investigatorId").asText()).isEqualTo(investigator);
        assertThat(assigned.get("subjectUserId").asText()).isEqualTo(subject);
        assertThat(assigned.get("reference").asText()).isEqualTo(reference);
        JsonNode hearing = envelopes.get(3).payload();
        assertThat(hearing.get("subjectUserId").asText()).isEqualTo(subject);
        assertThat(hearing.get("investigatorId").asText()).isEqualTo(investigator);
        assertThat(hearing.get("decisionMakerId").asText()).isEqualTo(governor);
        assertThat(hearing.get("reference").asText()).isEqualTo(reference);
        assertThat(hearing.get("category").asText()).isEqualTo("STAFF_CONDUCT");
        assertThat(envelopes.get(3).actor().userId()).isEqualTo(hr);
    }

    private List<ConsumerRecord<String, String>> awaitRecordsFor(String caseId, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (caseId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            assertThat(found).as("integration events for %s on %s", caseId, Topics.CASE_EVENTS).hasSize(count);
            return found;
        }
    }

    private HttpResponse<String> send(String path, String user, String body, Role... roles) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(user, SCHOOL, roles))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isEqualTo(status);
    }
}
