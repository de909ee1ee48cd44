package org.casetrail.notifications.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.directory.DirectoryUserChanged;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A safeguarding concern for a school whose DSL the directory does not know yet cannot be delivered
 * and ends in the dead-letter topic; once the directory is fixed, an ADMIN's replay delivers it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.kafka.retry.max-attempts=2", "casetrail.kafka.retry.initial-interval=50ms"})
@EmbeddedKafka(kraft = true, partitions = 1)
class DeadLetterReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLAY = "/api/v1/admin/dead-letters/" + Topics.CASE_EVENTS + "/replay";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "notifications-dead-letters-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();

    @Test
    void aDeadLetterIsDeliveredWhenAnAdminReplaysItAfterTheFix() throws Exception {
        String caseId = UUID.randomUUID().toString();
        // Nobody of the school is known yet: the urgent route to its DSLs and Principal reaches nobody and fails.
        send(Topics.CASE_EVENTS, caseId, envelope(new ConcernReported(caseId, "CT-2026-000007", CaseCategory.SAFEGUARDING,
                true, "reporter-1", null, Instant.now()), "Case", caseId, 0));
        awaitDeadLetters(1);

        String dsl = user(Role.DSL);
        String principal = user(Role.PRINCIPAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> post(REPLAY, "admin-1", Role.ADMIN).statusCode() == 200
                && inbox(dsl).size() == 1);
        assertThat(inbox(dsl).get(0).get("caseId").asText()).isEqualTo(caseId);
        assertThat(inbox(principal)).hasSize(1);

        HttpResponse<String> again = post(REPLAY, "admin-1", Role.ADMIN);
        assertThat(JSON.readTree(again.body()).get("replayed").asInt()).as("nothing left to replay").isZero();
        assertThat(inbox(dsl)).hasSize(1);
    }

    @Test
    void onlyAnAdminReplaysAndOnlyTopicsThisServiceConsumes() throws Exception {
        assertThat(post(REPLAY, "principal-1", Role.PRINCIPAL).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/dead-letters/some.other.topic/replay", "admin-1", Role.ADMIN).statusCode())
                .isEqualTo(404);
    }

    private String user(Role role) {
        String userId = UUID.randomUUID().toString();
        send(Topics.DIRECTORY_EVENTS, userId, envelope(new DirectoryUserChanged(userId, school, "u-" + userId, "U",
                userId + "@example.org", Set.of(role, Role.STAFF), true), "User", userId, 1));
        return userId;
    }

    private EventEnvelope envelope(IntegrationEvent payload, String type, String id, long sequence) {
        return new EventEnvelope(UUID.randomUUID().toString(), IntegrationEvents.typeOf(payload.getClass()),
                IntegrationEvents.versionOf(payload.getClass()), Instant.now(), school, type, id, sequence, "corr",
                "cause", Actor.system("test"), IntegrationEvents.toPayload(payload));
    }

    private void send(String topic, String key, EventEnvelope envelope) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, IntegrationEvents.toJson(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDeadLetters(int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.CASE_EVENTS)));
            int seen = 0;
            Instant deadline = Instant.now().plusSeconds(30);
            while (seen < count && Instant.now().isBefore(deadline)) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(seen).as("records on the dead-letter topic").isEqualTo(count);
        }
    }

    private List<JsonNode> inbox(String userId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/notifications"))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, Role.STAFF)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readerForListOf(JsonNode.class).readValue(response.body());
    }

    private HttpResponse<String> post(String path, String userId, Role role) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
