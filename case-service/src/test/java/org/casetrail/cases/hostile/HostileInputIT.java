package org.casetrail.cases.hostile;

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
 * Every POST endpoint of case-service is sent broken bodies (random bytes, cut-off JSON, unknown
 * fields, wrong types, huge strings, deep nesting), each derived from a body the endpoint accepts.
 * No answer may be a server error and nothing may be stored (OWASP API, hostile input).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class HostileInputIT {

    private static final int BODIES = 10_080;
    private static final long SEED = 20261125L;
    private static final String SCHOOL = "school-hostile";
    private static final String CALLER = "hostile-caller";

    /** A body each endpoint accepts; the generator breaks it. {id} is the case under attack. */
    private static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put("/api/v1/concerns", """
                {"category":"STAFF_CONDUCT","summary":"s","details":"d","occurredAt":"2026-01-10T20:00:00Z",
                 "platform":"X","subject":{"type":"STAFF","userId":"u-9","name":"N"},"safeguarding":false}""");
        String c = "/api/v1/cases/{id}";
        VALID.put(c + "/acknowledge", "{\"note\":\"seen\"}");
        VALID.put(c + "/triage", "{\"route\":\"INVESTIGATION\",\"severity\":\"HIGH\",\"rationale\":\"r\"}");
        VALID.put(c + "/referral", "{\"agency\":\"LADO\",\"reference\":\"x\",\"decision\":\"REFERRED\",\"rationale\":\"r\"}");
        VALID.put(c + "/support", "{\"offeredTo\":\"u-1\",\"description\":\"d\"}");
        VALID.put(c + "/investigator", "{\"investigatorId\":\"u-2\"}");
        VALID.put(c + "/suspension", "{\"reason\":\"r\",\"from\":\"2026-01-11\",\"until\":\"2026-02-11\"}");
        VALID.put(c + "/evidence", "{\"kind\":\"screenshot\",\"description\":\"d\",\"reference\":\"r\",\"sha256\":\""
                + "a".repeat(64) + "\"}");
        VALID.put(c + "/interviews", "{\"intervieweeId\":\"u-3\",\"intervieweeName\":\"n\",\"heldAt\":\"2026-01-12T10:00:00Z\","
                + "\"summary\":\"s\",\"accompaniedBy\":\"a\"}");
        VALID.put(c + "/findings", "{\"breachFound\":true,\"breachedClauses\":[\"P7.HARASSMENT\"],\"grossMisconduct\":false,"
                + "\"summary\":\"s\"}");
        VALID.put(c + "/informal-action", "{\"action\":\"TRAINING\",\"description\":\"d\"}");
        VALID.put(c + "/hearing", "{\"scheduledFor\":\"2026-02-01T10:00:00Z\",\"noticeGivenAt\":\"2026-01-20T10:00:00Z\","
                + "\"decisionMakerId\":\"u-4\",\"companionAllowed\":true}");
        VALID.put(c + "/hearing/held", "{\"heldAt\":\"2026-02-01T10:00:00Z\",\"accompaniedBy\":\"a\",\"notes\":\"n\"}");
        VALID.put(c + "/outcome", "{\"outcome\":\"FIRST_WRITTEN_WARNING\",\"rationale\":\"r\"}");
        VALID.put(c + "/appeal", "{\"grounds\":\"g\",\"appealDeciderId\":\"u-5\"}");
        VALID.put(c + "/appeal/decision", "{\"decision\":\"UPHELD\",\"rationale\":\"r\"}");
        VALID.put(c + "/close", "{\"rationale\":\"r\"}");
        VALID.put(c + "/reopen", "{\"reason\":\"r\"}");
        VALID.put(c + "/withdraw", "{\"reason\":\"r\"}");
        VALID.put(c + "/notes", "{\"text\":\"t\"}");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "cases-hostile-it", "${spring.embedded.kafka.brokers}");
    }

    @Test
    void noHostileBodyCausesAServerErrorOrStoresAnything() throws Exception {
        String caseId = new ObjectMapper().readTree(send("/api/v1/concerns", VALID.get("/api/v1/concerns")
                .getBytes()).body()).get("caseId").asText();
        long eventsBefore = count("ct_events");
        long snapshotsBefore = count("ct_snapshots");

        Map<String, String> againstThisCase = new LinkedHashMap<>();
        VALID.forEach((path, body) -> againstThisCase.put(path.replace("{id}", caseId), body));
        int sent = HostileRun.against(againstThisCase, BODIES, SEED, this::send).sent();

        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(count("ct_events")).isEqualTo(eventsBefore);
        assertThat(count("ct_snapshots")).isEqualTo(snapshotsBefore);
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private HttpResponse<String> send(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.token(CALLER, SCHOOL, Role.STAFF, Role.PRINCIPAL,
                        Role.DSL, Role.HR, Role.INVESTIGATOR, Role.GOVERNOR))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
