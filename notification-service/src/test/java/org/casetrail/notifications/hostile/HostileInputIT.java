package org.casetrail.notifications.hostile;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.notifications.TestKit;
import org.casetrail.platform.testing.EmbeddedStack;
import org.casetrail.platform.testing.HostileRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every POST and PUT endpoint of notification-service is sent broken bodies (random bytes, cut-off
 * JSON, unknown fields, wrong types, huge strings, deep nesting). No answer may be a server error,
 * and nothing may be stored: no event, no changed preference. The read and acknowledge endpoints
 * take no body; they are attacked on someone else's notification, which must stay unread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.notifications.mail.dispatch.enabled=false",
        "casetrail.notifications.escalation.watch.enabled=false",
        "casetrail.notifications.digest.enabled=false"})
@EmbeddedKafka(kraft = true, partitions = 1)
class HostileInputIT {

    /** Most bodies go where a body is read; the body-less endpoints get enough to show they ignore it. */
    private static final int BODIES_WITH_A_BODY = 9_000;
    private static final int BODIES_WITHOUT_ONE = 1_020;
    private static final long SEED = 20261125L;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "notifications-hostile-it", "${spring.embedded.kafka.brokers}");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoTemplate mongo;

    @Test
    void noHostileBodyCausesAServerErrorOrStoresAnything() throws Exception {
        String school = "school-" + UUID.randomUUID();
        try (TestKit kit = new TestKit(bootstrapServers, port)) {
            String hr = kit.user(school, Role.HR, Role.STAFF);
            kit.user(school, Role.PRINCIPAL, Role.STAFF);
            String attacker = kit.user(school, Role.STAFF);
            String caseId = UUID.randomUUID().toString();
            kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new ConcernReported(caseId, "CT-2030-000001",
                    CaseCategory.STAFF_CONDUCT, false, attacker, null, Instant.now()), "Case", caseId, 0));
            await().atMost(Duration.ofSeconds(20)).until(() -> kit.getJson("/api/v1/notifications", hr, school).size() == 1);
            String victims = kit.getJson("/api/v1/notifications", hr, school).get(0).get("notificationId").asText();
            assertThat(kit.put("/api/v1/notifications/preferences", "{\"normalItems\":\"EMAIL\"}".getBytes(), attacker,
                    school).statusCode()).isEqualTo(200);
            long eventsBefore = mongo.getCollection("ct_events").countDocuments();
            String preferenceBefore = kit.getJson("/api/v1/notifications/preferences", attacker, school).toString();

            HostileRun.Sender sender = (endpoint, body) -> send(kit, endpoint, body, attacker, school);
            int sent = HostileRun.against(Map.of("PUT /api/v1/notifications/preferences",
                    "{\"normalItems\":\"IN_APP_ONLY\"}"), BODIES_WITH_A_BODY, SEED, sender).sent();
            Map<String, String> bodyless = new LinkedHashMap<>();
            bodyless.put("POST /api/v1/notifications/" + victims + "/read", "{\"note\":\"x\"}");
            bodyless.put("POST /api/v1/notifications/" + victims + "/acknowledge", "{\"note\":\"x\"}");
            sent += HostileRun.against(bodyless, BODIES_WITHOUT_ONE, SEED + 1, sender).sent();

            assertThat(sent).isGreaterThanOrEqualTo(10_000);
            assertThat(mongo.getCollection("ct_events").countDocuments()).isEqualTo(eventsBefore);
            assertThat(kit.getJson("/api/v1/notifications/preferences", attacker, school).toString())
                    .isEqualTo(preferenceBefore);
            assertThat(kit.getJson("/api/v1/notifications", hr, school).get(0).hasNonNull("readAt")).isFalse();
        }
    }

    private static HttpResponse<String> send(TestKit kit, String endpoint, byte[] body, String userId, String school)
            throws Exception {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return endpoint.startsWith("PUT ") ? kit.put(path, body, userId, school) : kit.post(path, body, userId, school);
    }
}
