package org.casetrail.disclosures;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.casetrail.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** disclosure-service starts on a real broker and a real Mongo-wire server, healthy and closed. */
abstract class DisclosureServiceWiringContract {

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eventsAndTokensLiveInMongo() {
        assertThat(storageEngine).isInstanceOf(CasetrailMongoEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
    }

    @Test
    void itsTopicAndDeadLetterTopicExist() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(admin.listTopics().names().get())
                    .contains(Topics.DISCLOSURE_EVENTS, Topics.deadLetter(Topics.DISCLOSURE_EVENTS));
        }
    }

    @Test
    void healthIsUpIncludingMongo() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");
    }

    @Test
    void theApiNeedsAToken() throws Exception {
        assertThat(get("/api/v1/disclosures/mine").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
