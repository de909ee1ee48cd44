package org.casetrail.notifications.intake;

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
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.CaseClosed;
import org.casetrail.contracts.cases.CaseResolution;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.cases.HearingScheduled;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.cases.InvestigatorAssigned;
import org.casetrail.contracts.disclosures.ApproachesRepeated;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationDue;
import org.casetrail.contracts.cases.SafeguardingAcknowledged;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service on a real broker and a real Mongo-wire server: directory events and case
 * events in through Kafka, inboxes out through HTTP. Shared by the embedded and container twins.
 */
abstract class NotificationIntakeContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final HttpClient http = HttpClient.newHttpClient();
    private String school;
    private String dsl1;
    private String dsl2;
    private String principal;
    private String hr;
    private String colleague;
    private String otherSchoolPrincipal;

    @BeforeEach
    void directory() {
        // A school of its own per test, so tests cannot see each other's notifications.
        school = "school-" + UUID.randomUUID();
        dsl1 = user(school, Role.DSL, Role.STAFF);
        dsl2 = user(school, Role.DSL, Role.STAFF);
        principal = user(school, Role.PRINCIPAL, Role.STAFF);
        hr = user(school, Role.HR, Role.STAFF);
        colleague = user(school, Role.STAFF);
        otherSchoolPrincipal = user("other-" + school, Role.PRINCIPAL);
    }

    @Test
    void aSafeguardingConcernReachesEveryDslAndThePrincipalButNoColleagueOrOtherSchool() throws Exception {
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.SAFEGUARDING, true, reporter, null));

        for (String lead : List.of(dsl1, dsl2, principal)) {
            JsonNode entry = awaitOne(lead, caseId, "CONCERN_REPORTED");
            assertThat(entry.get("urgency").asText()).isEqualTo("URGENT");
            assertThat(entry.get("reference").asText()).isEqualTo("CT-2026-000042");
        }
        assertThat(awaitOne(reporter, caseId, "REPORT_RECEIVED").get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(inbox(colleague)).isEmpty();
        assertThat(inbox(otherSchoolPrincipal)).isEmpty();
        assertThat(entries(reporter, caseId, "CONCERN_REPORTED")).isEmpty();
    }

    @Test
    void theSubjectOfAConcernIsNeverTold() throws Exception {
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        // The subject is the Principal: the concern still reaches the DSLs, never the Principal.
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.STAFF_CONDUCT, true, reporter, principal));

        awaitOne(dsl1, caseId, "CONCERN_REPORTED");
        awaitOne(reporter, caseId, "REPORT_RECEIVED");
        assertThat(inbox(principal)).isEmpty();
    }

    @Test
    void aRedeliveredEventNotifiesEachPersonOnce() throws Exception {
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        EventEnvelope event = concern(caseId, CaseCategory.SAFEGUARDING, true, reporter, null);
        send(Topics.CASE_EVENTS, caseId, event);
        send(Topics.CASE_EVENTS, caseId, event);
        String marker = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, marker, concern(marker, CaseCategory.SAFEGUARDING, true, reporter, null));

        // Once the later event is in, the duplicate before it has certainly been consumed.
        awaitOne(dsl1, marker, "CONCERN_REPORTED");
        assertThat(entries(dsl1, caseId, "CONCERN_REPORTED")).hasSize(1);
    }

    @Test
    void aHearingNoticeReachesTheSubjectAndHrButNobodyElse() throws Exception {
        String subject = user(school, Role.STAFF);
        String investigator = user(school, Role.INVESTIGATOR, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        Instant hearingAt = Instant.parse("2026-12-07T14:00:00Z");
        send(Topics.CASE_EVENTS, caseId, envelope(new HearingScheduled(caseId, "CT-2026-000042",
                CaseCategory.STAFF_CONDUCT, false, subject, investigator, principal, hearingAt, Instant.now(), true),
                "Case", caseId, 6));

        JsonNode notice = awaitOne(subject, caseId, "HEARING_NOTICE");
        assertThat(notice.get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(notice.get("reference").asText()).isEqualTo("CT-2026-000042");
        awaitOne(hr, caseId, "HEARING_SCHEDULED");
        assertThat(entries(subject, caseId, "HEARING_SCHEDULED")).isEmpty();
        assertThat(inbox(hr)).hasSize(1);
        assertThat(inbox(subject)).hasSize(1);
        assertThat(inbox(investigator)).isEmpty();
        assertThat(inbox(principal)).isEmpty();
        assertThat(inbox(colleague)).isEmpty();
    }

    @Test
    void anAssignmentReachesTheInvestigatorAndAClosingTheReporterButTheSubjectHearsNothing() throws Exception {
        String reporter = user(school, Role.STAFF);
        String subject = user(school, Role.STAFF);
        String investigator = user(school, Role.INVESTIGATOR, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.STAFF_CONDUCT, false, reporter, subject));
        send(Topics.CASE_EVENTS, caseId, envelope(new InvestigatorAssigned(caseId, "CT-2026-000042",
                CaseCategory.STAFF_CONDUCT, false, investigator, subject, Instant.now()), "Case", caseId, 2));
        send(Topics.CASE_EVENTS, caseId, envelope(new CaseClosed(caseId, "CT-2026-000042", CaseCategory.STAFF_CONDUCT,
                false, reporter, subject, CaseResolution.NO_CASE_TO_ANSWER, Instant.now()), "Case", caseId, 4));

        assertThat(awaitOne(investigator, caseId, "INVESTIGATOR_ASSIGNED").get("urgency").asText()).isEqualTo("NORMAL");
        // One partition, in order: once the closing is in, everything before it has been routed.
        awaitOne(reporter, caseId, "REPORT_CLOSED");
        awaitOne(hr, caseId, "CONCERN_REPORTED");
        assertThat(inbox(subject)).isEmpty();
        assertThat(inbox(investigator)).hasSize(1);
        assertThat(inbox(reporter)).extracting(n -> n.get("type").asText())
                .containsExactlyInAnyOrder("REPORT_RECEIVED", "REPORT_CLOSED");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextMessagesStillFlow() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, poisonKey, "{this is not an envelope")).get();
        }
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.SAFEGUARDING, true, reporter, null));

        awaitOne(dsl1, caseId, "CONCERN_REPORTED");
        ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.CASE_EVENTS), poisonKey);
        assertThat(dead.value()).isEqualTo("{this is not an envelope");
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    }

    @Test
    void aRecipientMarksTheirOwnNotificationReadAndAcknowledgedButNobodyElsesExists() throws Exception {
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.STAFF_CONDUCT, false, reporter, null));
        String id = awaitOne(hr, caseId, "CONCERN_REPORTED").get("notificationId").asText();

        assertThat(post(principal, "/api/v1/notifications/" + id + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(post(hr, "/api/v1/notifications/" + id + "/read").statusCode()).isEqualTo(200);
        String firstRead = entries(hr, caseId, "CONCERN_REPORTED").get(0).get("readAt").asText();
        assertThat(post(hr, "/api/v1/notifications/" + id + "/acknowledge").statusCode()).isEqualTo(200);
        JsonNode entry = entries(hr, caseId, "CONCERN_REPORTED").get(0);
        assertThat(entry.get("readAt").asText()).isEqualTo(firstRead);
        assertThat(entry.hasNonNull("acknowledgedAt")).isTrue();
        assertThat(post(hr, "/api/v1/notifications/no-such-notification/read").statusCode()).isEqualTo(404);
    }

    @Test
    void aSafeguardingNotificationIsAcknowledgedOnTheCaseNotInTheInbox() throws Exception {
        String reporter = user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        send(Topics.CASE_EVENTS, caseId, concern(caseId, CaseCategory.SAFEGUARDING, true, reporter, null));
        String id = awaitOne(dsl1, caseId, "CONCERN_REPORTED").get("notificationId").asText();

        HttpResponse<String> refused = post(dsl1, "/api/v1/notifications/" + id + "/acknowledge");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("acknowledge").contains("ACKNOWLEDGED_ON_CASE");
        assertThat(entries(dsl1, caseId, "CONCERN_REPORTED").get(0).hasNonNull("acknowledgedAt")).isFalse();

        // case-service records the DSL's acknowledgement and says so: now every copy shows it.
        Instant acknowledgedAt = Instant.parse("2026-11-25T09:40:00Z");
        send(Topics.CASE_EVENTS, caseId, envelope(new SafeguardingAcknowledged(caseId, "CT-2026-000042",
                CaseCategory.SAFEGUARDING, true, dsl1, null, acknowledgedAt), "Case", caseId, 1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String lead : List.of(dsl1, dsl2, principal)) {
                JsonNode entry = entries(lead, caseId, "CONCERN_REPORTED").get(0);
                assertThat(entry.path("acknowledgedAt").asText()).isEqualTo("2026-11-25T09:40:00Z");
            }
        });
        assertThat(entries(reporter, caseId, "REPORT_RECEIVED").get(0).hasNonNull("acknowledgedAt")).isFalse();
    }

    @Test
    void aFlaggedDisclosureNotifiesThePrincipalAndHrOnceUrgentlyAndTheDeclarerNever() throws Exception {
        String declarer = colleague;
        String caseId = UUID.randomUUID().toString();
        // case-service stores a ConcernReported (reported by the system) and then CaseOpenedFromDisclosure.
        send(Topics.CASE_EVENTS, caseId, envelope(new ConcernReported(caseId, "CT-2026-000042",
                CaseCategory.STAFF_CONDUCT, false, "system:disclosures", declarer, Instant.now()), "Case", caseId, 0));
        send(Topics.CASE_EVENTS, caseId, envelope(new CaseOpenedFromDisclosure(caseId, "CT-2026-000042", "d-1", 1,
                "P8", declarer, Instant.now()), "Case", caseId, 1));

        for (String lead : List.of(principal, hr)) {
            assertThat(awaitOne(lead, caseId, "DISCLOSURE_FLAGGED").get("urgency").asText()).isEqualTo("URGENT");
            assertThat(inbox(lead)).hasSize(1);
        }
        assertThat(inbox(declarer)).isEmpty();
    }

    @Test
    void disclosureTopicEventsReachTheirRows() throws Exception {
        String staff = user(school, Role.STAFF);
        String approachId = UUID.randomUUID().toString();
        send(Topics.DISCLOSURE_EVENTS, approachId, envelope(new ApproachesRepeated(approachId, staff,
                CounterpartType.STUDENT, 3, 30, Instant.now(), Instant.now()), "Approach", approachId, 0));
        String disclosureId = UUID.randomUUID().toString();
        send(Topics.DISCLOSURE_EVENTS, disclosureId, envelope(new DisclosureReconfirmationDue(disclosureId, staff,
                java.time.LocalDate.parse("2026-12-31"), 1, Instant.now()), "Disclosure", disclosureId, 3));

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String lead : List.of(dsl1, dsl2)) {
                assertThat(inbox(lead)).anySatisfy(n -> {
                    assertThat(n.get("type").asText()).isEqualTo("APPROACHES_REPEATED");
                    assertThat(n.get("urgency").asText()).isEqualTo("URGENT");
                    assertThat(n.get("reference").asText()).isEqualTo(approachId);
                });
            }
            assertThat(inbox(staff)).singleElement().satisfies(n -> {
                assertThat(n.get("type").asText()).isEqualTo("DISCLOSURE_RECONFIRMATION_DUE");
                assertThat(n.get("disclosureId").asText()).isEqualTo(disclosureId);
            });
        });
        assertThat(inbox(principal)).isEmpty();
        assertThat(inbox(colleague)).isEmpty();
    }

    @Test
    void withoutATokenTheInboxIsClosed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/notifications")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private String user(String schoolId, Role... roles) {
        String userId = UUID.randomUUID().toString();
        DirectoryUserChanged user = new DirectoryUserChanged(userId, schoolId, "u-" + userId, "User " + userId,
                userId + "@example.org", Set.of(roles), true);
        send(Topics.DIRECTORY_EVENTS, userId, envelope(user, "User", userId, 1));
        return userId;
    }

    private EventEnvelope concern(String caseId, CaseCategory category, boolean safeguarding, String reporter, String subject) {
        return envelope(new ConcernReported(caseId, "CT-2026-000042", category, safeguarding, reporter, subject,
                Instant.now()), "Case", caseId, 0);
    }

    private EventEnvelope envelope(IntegrationEvent payload, String aggregateType, String aggregateId, long sequence) {
        String schoolId = payload instanceof DirectoryUserChanged user ? user.schoolId() : school;
        return new EventEnvelope(UUID.randomUUID().toString(), IntegrationEvents.typeOf(payload.getClass()),
                IntegrationEvents.versionOf(payload.getClass()), Instant.now(), schoolId, aggregateType, aggregateId,
                sequence, "corr", "cause", Actor.system("test"), IntegrationEvents.toPayload(payload));
    }

    private void send(String topic, String key, EventEnvelope envelope) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, IntegrationEvents.toJson(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private JsonNode awaitOne(String userId, String caseId, String type) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            found.clear();
            found.addAll(entries(userId, caseId, type));
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private List<JsonNode> entries(String userId, String caseId, String type) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        inbox(userId).forEach(n -> {
            if (caseId.equals(n.path("caseId").asText()) && type.equals(n.path("type").asText())) {
                matching.add(n);
            }
        });
        return matching;
    }

    private JsonNode inbox(String userId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/notifications"))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolOf(userId), Role.STAFF))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String userId, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestTokens.token(userId, schoolOf(userId), Role.STAFF))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String schoolOf(String userId) {
        return userId.equals(otherSchoolPrincipal) ? "other-" + school : school;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic);
    }
}
