package org.casetrail.disclosures.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.contracts.Role;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.HostileRun;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every POST endpoint of disclosure-service is sent broken bodies derived from ones it accepts.
 * No answer may be a server error and nothing may be stored (OWASP API, hostile input).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class HostileInputIT {

    /** A multiple of the endpoints' count (9), so that every endpoint gets as many and at least 10,000 go out. */
    private static final int BODIES = 10_008;
    private static final long SEED = 20261125L;
    private static final String SCHOOL = "school-hostile";
    private static final String DECLARER = "hostile-declarer";

    private static final String DISCLOSURE = """
            {"counterpartType":"PARENT","counterpartName":"A Parent","basis":"FAMILY_FRIEND",
             "platforms":["Facebook"],"description":"We were friends before their child joined"}""";

    private static final String POLICY_VERSION = "hostile-1";

    /**
     * A body each endpoint accepts; the generator breaks it. {id} is a disclosure of the declarer, and
     * {@value #POLICY_VERSION} a policy version of the school.
     */
    private static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put("/api/v1/disclosures", DISCLOSURE);
        VALID.put("/api/v1/disclosures/{id}/review", "{\"result\":\"ACKNOWLEDGED\",\"rationale\":\"r\"}");
        VALID.put("/api/v1/disclosures/{id}/withdraw", "{\"reason\":\"ended\"}");
        VALID.put("/api/v1/disclosures/{id}/amend", DISCLOSURE);
        VALID.put("/api/v1/approaches", """
                {"counterpartType":"STUDENT","counterpartName":"S","platform":"Instagram","occurredAt":"2026-01-10T20:00:00Z",
                 "response":"I replied that I cannot connect with students","retainedCommunicationRef":"mail-1",
                 "reportedToSeniorLeader":true}""");
        VALID.put("/api/v1/disclosures/{id}/reconfirm", "{}");
        VALID.put("/api/v1/policy-versions", """
                {"version":"hostile-2","title":"Staff social media policy","text":"Keep accounts private.",
                 "effectiveFrom":"2026-12-01"}""");
        VALID.put("/api/v1/policy-versions/" + POLICY_VERSION + "/acknowledgements", "{}");
        VALID.put("/api/v1/policy-versions/" + POLICY_VERSION + "/training-completions",
                "{\"userId\":\"" + DECLARER + "\",\"completedOn\":\"2026-11-01\"}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-hostile-it", "${spring.embedded.kafka.brokers}");
    }

    @Test
    void noHostileBodyCausesAServerErrorOrStoresAnything() throws Exception {
        HttpResponse<String> created = send("/api/v1/disclosures", DISCLOSURE.getBytes());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String disclosureId = new ObjectMapper().readTree(created.body()).get("disclosureId").asText();
        HttpResponse<String> published = send("/api/v1/policy-versions", ("{\"version\":\"" + POLICY_VERSION
                + "\",\"title\":\"t\",\"text\":\"x\",\"effectiveFrom\":\"2026-12-01\"}").getBytes());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long eventsBefore = mongo.getCollection("ct_events").countDocuments();

        Map<String, String> againstThisDisclosure = new LinkedHashMap<>();
        VALID.forEach((path, body) -> againstThisDisclosure.put(path.replace("{id}", disclosureId), body));
        int sent = HostileRun.against(againstThisDisclosure, BODIES, SEED, this::send).sent();

        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(mongo.getCollection("ct_events").countDocuments()).isEqualTo(eventsBefore);
    }

    private HttpResponse<String> send(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(DECLARER, SCHOOL, Role.STAFF, Role.PRINCIPAL,
                        Role.ADMIN, Role.HR))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
