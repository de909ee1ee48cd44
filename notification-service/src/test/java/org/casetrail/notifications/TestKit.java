package org.casetrail.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.platform.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events in through the real broker and HTTP calls out, for notification-service's integration tests. */
public final class TestKit implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public TestKit(String bootstrapServers, int port) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.port = port;
    }

    /** A directory user of the school with an e-mail address {@code <id>@example.org}. */
    public String user(String schoolId, Role... roles) {
        String userId = UUID.randomUUID().toString();
        send(Topics.DIRECTORY_EVENTS, userId, envelope(schoolId, new DirectoryUserChanged(userId, schoolId, "u-" + userId,
                "User " + userId, email(userId), Set.of(roles), true), "User", userId, 1));
        return userId;
    }

    public static String email(String userId) {
        return userId + "@example.org";
    }

    public static EventEnvelope envelope(String schoolId, IntegrationEvent payload, String aggregateType,
                                         String aggregateId, long sequence) {
        return new EventEnvelope(UUID.randomUUID().toString(), IntegrationEvents.typeOf(payload.getClass()),
                IntegrationEvents.versionOf(payload.getClass()), Instant.now(), schoolId, aggregateType, aggregateId,
                sequence, "corr", "cause", Actor.system("test"), IntegrationEvents.toPayload(payload));
    }

    public void send(String topic, String key, EventEnvelope envelope) {
        sendRaw(topic, key, IntegrationEvents.toJson(envelope));
    }

    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode getJson(String path, String userId, String schoolId, Role... roles) throws Exception {
        HttpResponse<String> response = get(path, userId, schoolId, roles);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> get(String path, String userId, String schoolId, Role... roles) throws Exception {
        return http.send(request(path, userId, schoolId, roles).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String userId, String schoolId, Role... roles) throws Exception {
        return http.send(request(path, userId, schoolId, roles).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, byte[] body, String userId, String schoolId, Role... roles)
            throws Exception {
        return http.send(request(path, userId, schoolId, roles).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, byte[] body, String userId, String schoolId, Role... roles)
            throws Exception {
        return http.send(request(path, userId, schoolId, roles).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String userId, String schoolId, Role... roles) {
        Role[] asRoles = roles.length == 0 ? new Role[]{Role.STAFF} : roles;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolId, asRoles));
    }

    @Override
    public void close() {
        producer.close();
    }
}
