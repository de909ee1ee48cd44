package org.casetrail.disclosures.accesslog;

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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * disclosure-service keeps its own access log of reads of one disclosure, listed for the AUDITOR at
 * {@code /api/v1/audit/access-log/disclosures} (the path the gateway routes here); the caller's own
 * list is not such a read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class DisclosureAccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG = "/api/v1/audit/access-log/disclosures";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-access-log-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String school = "school-" + UUID.randomUUID();

    @Test
    void readsOfADisclosureAreListedForTheAuditor() throws Exception {
        String disclosureId = UUID.randomUUID().toString();
        int detail = send("principal-1", Role.PRINCIPAL, "/api/v1/disclosures/" + disclosureId).statusCode();
        int history = send("auditor-1", Role.AUDITOR, "/api/v1/disclosures/" + disclosureId + "/history").statusCode();
        assertThat(send("staff-1", Role.STAFF, "/api/v1/disclosures/mine").statusCode()).isEqualTo(200);

        HttpResponse<String> response = send("auditor-1", Role.AUDITOR, LOG);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode log = JSON.readTree(response.body());
        assertThat(log.get("service").asText()).isEqualTo("disclosure-service");
        assertThat(log.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(log.get("total").asLong()).isEqualTo(2);
        JsonNode newest = log.get("entries").get(0);
        assertThat(newest.get("objectType").asText()).isEqualTo("disclosure");
        assertThat(newest.get("objectId").asText()).isEqualTo(disclosureId);
        assertThat(newest.get("view").asText()).isEqualTo("history");
        assertThat(newest.get("status").asInt()).isEqualTo(history);
        assertThat(log.get("entries").get(1).get("status").asInt()).isEqualTo(detail);
        assertThat(log.get("entries").get(1).get("actor").get("userId").asText()).isEqualTo("principal-1");

        assertThat(send("principal-1", Role.PRINCIPAL, LOG).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String userId, Role role, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, school, role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
