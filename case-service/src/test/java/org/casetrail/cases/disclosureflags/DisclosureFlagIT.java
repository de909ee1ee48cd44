package org.casetrail.cases.disclosureflags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureFlagged;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
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
 * A flagged disclosure on the embedded stack (domain.md, "Disclosures"): the flag arrives over Kafka,
 * opens one STAFF_CONDUCT case about the declarer however often it is delivered, the Principal and
 * HR see it, the declarer does not, and the link goes back out as one CaseOpenedFromDisclosure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class DisclosureFlagIT {

    private static final String SCHOOL = "school-disclosure-flag-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-disclosure-flag-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String declarer = "declarer-" + UUID.randomUUID();
    private final String principal = "principal-" + UUID.randomUUID();
    private final String hr = "hr-" + UUID.randomUUID();

    @Test
    void aFlagDeliveredTwiceOpensOneConductCaseAboutTheDeclarerAndPublishesTheLinkOnce() throws Exception {
        String disclosureId = UUID.randomUUID().toString();
        String caseId = CaseOpenedFromDisclosure.caseIdFor(disclosureId, 1);
        EventEnvelope flag = flagged(disclosureId, UUID.randomUUID().toString());

        produce(flag);
        produce(flag); // a redelivery: the same event id
        produce(flagged(disclosureId, UUID.randomUUID().toString())); // a re-publish under a new id: still one case

        JsonNode list = awaitList(principal, Role.PRINCIPAL, caseId);
        assertThat(ids(list)).containsOnlyOnce(caseId);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("category").asText()).isEqualTo("STAFF_CONDUCT");
        assertThat(item.get("status").asText()).isEqualTo("REPORTED");
        assertThat(ids(awaitList(hr, Role.HR, caseId))).containsExactly(caseId);

        HttpResponse<String> detail = get("/api/v1/cases/" + caseId, principal, Role.PRINCIPAL);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(detail.body());
        assertThat(body.get("subject").get("type").asText()).isEqualTo("STAFF");
        assertThat(body.get("subject").get("userId").asText()).isEqualTo(declarer);
        assertThat(body.get("reporterId").asText()).isEqualTo("system:disclosures");
        assertThat(body.get("summary").asText()).contains("P8");
        assertThat(body.get("details").asText()).contains(disclosureId);
        // the case's side of the link (set by CaseOpenedFromDisclosure, which may be projected a moment later)
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!body.hasNonNull("disclosureId") && System.nanoTime() < until) {
            Thread.sleep(100);
            body = JSON.readTree(get("/api/v1/cases/" + caseId, principal, Role.PRINCIPAL).body());
        }
        assertThat(body.path("disclosureId").asText()).isEqualTo(disclosureId);
        // the subject never sees the case
        assertThat(get("/api/v1/cases/" + caseId, declarer, Role.PRINCIPAL).statusCode()).isEqualTo(404);

        List<EventEnvelope> published = recordsFor(caseId, Duration.ofSeconds(8)).stream()
                .map(r -> IntegrationEvents.fromJson(r.value())).toList();
        assertThat(published).extracting(EventEnvelope::eventType)
                .containsExactly("CaseConcernReported", "CaseOpenedFromDisclosure");
        CaseOpenedFromDisclosure opened = (CaseOpenedFromDisclosure) IntegrationEvents.payloadOf(published.get(1))
                .orElseThrow();
        assertThat(opened.caseId()).isEqualTo(caseId);
        assertThat(opened.disclosureId()).isEqualTo(disclosureId);
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.clause()).isEqualTo("P8");
        assertThat(opened.subjectUserId()).isEqualTo(declarer);
        assertThat(opened.reference()).isEqualTo(item.get("reference").asText());
        assertThat(published.get(1).schoolId()).isEqualTo(SCHOOL);
        assertThat(published.get(1).actor().userId()).isEqualTo("system:disclosures");
    }

    private EventEnvelope flagged(String disclosureId, String eventId) {
        DisclosureFlagged payload = new DisclosureFlagged(disclosureId, 1, declarer, CounterpartType.STUDENT,
                DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, FlagReason.PROHIBITED, "P8",
                Instant.now());
        return new EventEnvelope(eventId, "DisclosureFlagged", 1, Instant.now(), SCHOOL, "RelationshipDisclosure",
                disclosureId, 2, UUID.randomUUID().toString(), null, new Actor(declarer, "STAFF"),
                IntegrationEvents.toPayload(payload));
    }

    private void produce(EventEnvelope envelope) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DISCLOSURE_EVENTS, envelope.aggregateId(),
                    IntegrationEvents.toJson(envelope))).get();
        }
    }

    private JsonNode awaitList(String user, Role role, String caseId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode page = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("/api/v1/cases", user, role);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            page = JSON.readTree(response.body());
            if (ids(page).contains(caseId)) {
                return page;
            }
            Thread.sleep(200);
        }
        assertThat(page == null ? List.of() : ids(page)).as("cases %s sees", user).contains(caseId);
        return page;
    }

    /** Everything keyed by the case within the wait: the wait is the whole window, so a duplicate would show. */
    private List<ConsumerRecord<String, String>> recordsFor(String caseId, Duration wait) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (caseId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    private HttpResponse<String> get(String path, String user, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(user, SCHOOL, role, Role.STAFF))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }
}
