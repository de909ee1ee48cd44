package org.casetrail.notifications.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.cases.InvestigationOverdue;
import org.casetrail.contracts.cases.SafeguardingAcknowledged;
import org.casetrail.platform.testing.MutableClock;
import org.casetrail.notifications.TestKit;
import org.casetrail.notifications.digest.DailyDigest;
import org.casetrail.notifications.escalation.EscalationWatch;
import org.casetrail.notifications.mail.MailDispatcher;
import org.casetrail.platform.testing.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries end to end on the real stack: events in through Kafka, e-mails out over SMTP to a real
 * server in this JVM (GreenMail, never a mock), the record of every delivery read back through
 * HTTP. The clock is moved by hand, and the mail dispatcher, escalation watch and digest are driven
 * by the test, so retries, escalations and days pass without sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.notifications.mail.dispatch.enabled=false",
        "casetrail.notifications.escalation.watch.enabled=false",
        "casetrail.notifications.digest.enabled=false",
        "casetrail.notifications.mail.link-base-url=https://casetrail.test",
        "casetrail.notifications.delivery.initial-interval=PT1M",
        "casetrail.notifications.delivery.multiplier=2.0",
        "casetrail.notifications.delivery.max-interval=PT10M",
        "casetrail.notifications.delivery.max-attempts=3",
        "casetrail.notifications.escalation.after=PT1H,PT4H",
        "casetrail.notifications.preferences.default-normal-items=DAILY_DIGEST"})
@EmbeddedKafka(kraft = true, partitions = 1)
class NotificationDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2030-01-09T09:00:00Z");
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "notifications-delivery-it", "${spring.embedded.kafka.brokers}");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START, ZoneId.of("Europe/London"));
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MutableClock clock;
    @Autowired
    MailDispatcher mail;
    @Autowired
    EscalationWatch escalations;
    @Autowired
    DailyDigest digest;
    @Autowired
    MongoTemplate mongo;

    private TestKit kit;
    private String school;
    private String dsl;
    private String principal;
    private String hr;
    private String auditor;

    @BeforeEach
    void school() {
        kit = new TestKit(bootstrapServers, port);
        school = "school-" + UUID.randomUUID();
        dsl = kit.user(school, Role.DSL, Role.STAFF);
        principal = kit.user(school, Role.PRINCIPAL, Role.STAFF);
        hr = kit.user(school, Role.HR, Role.STAFF);
        auditor = kit.user(school, Role.AUDITOR);
        smtpUp();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anUrgentConcernIsEmailedWithTypeReferenceAndLinkOnlyAndEveryDeliveryIsOnRecord() throws Exception {
        String reporter = kit.user(school, Role.STAFF);
        String caseId = reportSafeguardingConcern(reporter);
        awaitDeliveries(caseId, 5);

        mail.dispatchDue();

        MimeMessage toDsl = onlyMailTo(dsl);
        assertThat(toDsl.getSubject()).isEqualTo("[casetrail, urgent] Concern reported CT-2030-000007");
        String body = GreenMailUtil.getBody(toDsl);
        assertThat(body).contains("Type: CONCERN_REPORTED, reference: CT-2030-000007 (urgent)")
                .contains("https://casetrail.test/api/v1/notifications")
                .doesNotContain(caseId).doesNotContain(reporter);
        onlyMailTo(principal);
        // The reporter's receipt is normal: in the inbox, and in tomorrow's digest, not e-mailed now.
        assertThat(mailsTo(reporter)).isEmpty();

        JsonNode deliveries = deliveries(caseId, auditor, Role.AUDITOR);
        assertThat(deliveries).hasSize(5); // in-app: DSL, Principal, reporter; e-mail: DSL, Principal
        for (JsonNode delivery : deliveries) {
            assertThat(delivery.get("state").asText()).isEqualTo("SENT");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.hasNonNull("queuedAt")).isTrue();
            assertThat(delivery.hasNonNull("sentAt")).isTrue();
        }
        assertThat(deliveries).filteredOn(d -> d.get("channel").asText().equals("EMAIL"))
                .extracting(d -> d.get("recipientId").asText()).containsExactlyInAnyOrder(dsl, principal);
        assertThat(deliveries(caseId, principal, Role.PRINCIPAL)).hasSize(5);

        // Another school's Principal sees nothing of it; a DSL may not read the record; caseId is required.
        assertThat(kit.getJson("/api/v1/notifications/deliveries?caseId=" + caseId, "p-" + UUID.randomUUID(),
                "other-" + school, Role.PRINCIPAL)).isEmpty();
        assertThat(kit.get("/api/v1/notifications/deliveries?caseId=" + caseId, dsl, school, Role.DSL).statusCode())
                .isEqualTo(403);
        HttpResponse<String> noCase = kit.get("/api/v1/notifications/deliveries", auditor, school, Role.AUDITOR);
        assertThat(noCase.statusCode()).isEqualTo(400);
        assertThat(noCase.body()).contains("caseId");
    }

    @Test
    void theSubjectOfACaseSeesNoneOfItsDeliveriesEvenAsPrincipal() throws Exception {
        String reporter = kit.user(school, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        // A conduct concern about the Principal, with a safeguarding aspect: the DSL is told, the Principal is not.
        kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new ConcernReported(caseId, "CT-2030-000010",
                CaseCategory.STAFF_CONDUCT, true, reporter, principal, clock.instant()), "Case", caseId, 0));
        awaitDeliveries(caseId, 4); // in-app: DSL, HR, reporter; e-mail: DSL

        assertThat(deliveries(caseId, principal, Role.PRINCIPAL)).isEmpty();
        assertThat(deliveries(caseId, auditor, Role.AUDITOR)).extracting(d -> d.get("recipientId").asText())
                .doesNotContain(principal);
    }

    @Test
    void aMailServerThatIsDownFailsTheAttemptWithItsReasonAndTheRetrySendsItOnceItIsBack() throws Exception {
        String caseId = reportSafeguardingConcern(kit.user(school, Role.STAFF));
        awaitDeliveries(caseId, 5);
        smtpDown();

        mail.dispatchDue();

        JsonNode failed = emailTo(dsl, caseId);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("failures").get(0).get("reason").asText()).contains("Connect");
        assertThat(Instant.parse(failed.get("nextAttemptAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        smtpUp();
        mail.dispatchDue(); // not due yet: backoff
        assertThat(emailTo(dsl, caseId).get("state").asText()).isEqualTo("FAILED");
        assertThat(mailsTo(dsl)).isEmpty();

        clock.advance(Duration.ofSeconds(61));
        mail.dispatchDue();

        JsonNode sent = emailTo(dsl, caseId);
        assertThat(sent.get("state").asText()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("failures")).hasSize(1);
        onlyMailTo(dsl);
    }

    @Test
    void anEmailIsGivenUpAfterTheConfiguredAttemptsWithEveryReasonOnRecord() throws Exception {
        String caseId = reportSafeguardingConcern(kit.user(school, Role.STAFF));
        awaitDeliveries(caseId, 5);
        smtpDown();

        mail.dispatchDue();            // attempt 1, next in 1 minute
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        mail.dispatchDue();            // attempt 2, next in 2 minutes
        assertThat(emailTo(dsl, caseId).get("state").asText()).isEqualTo("FAILED");
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        mail.dispatchDue();            // attempt 3 of 3: given up

        JsonNode givenUp = emailTo(dsl, caseId);
        assertThat(givenUp.get("state").asText()).isEqualTo("GIVEN_UP");
        assertThat(givenUp.get("attempts").asInt()).isEqualTo(3);
        assertThat(givenUp.get("failures")).hasSize(3);
        assertThat(givenUp.hasNonNull("gaveUpAt")).isTrue();

        smtpUp();
        clock.advance(Duration.ofHours(1));
        mail.dispatchDue();
        assertThat(emailTo(dsl, caseId).get("attempts").asInt()).isEqualTo(3);
        assertThat(mailsTo(dsl)).isEmpty();
    }

    @Test
    void eachUserChoosesHowNormalItemsReachThemAndUrgentOnesAreAlwaysEmailed() throws Exception {
        String reporter = kit.user(school, Role.STAFF);
        HttpResponse<String> chosen = kit.put("/api/v1/notifications/preferences",
                "{\"normalItems\":\"EMAIL\"}".getBytes(), hr, school);
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(TestKit.JSON.readTree(chosen.body()).get("urgentItems").asText()).isEqualTo("EMAIL");
        assertThat(kit.getJson("/api/v1/notifications/preferences", hr, school).get("normalItems").asText())
                .isEqualTo("EMAIL");
        assertThat(kit.put("/api/v1/notifications/preferences", "{\"normalItems\":\"IN_APP_ONLY\"}".getBytes(),
                principal, school).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = kit.put("/api/v1/notifications/preferences", "{\"normalItems\":\"PIGEON\"}".getBytes(),
                principal, school);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("normalItems");
        assertThat(kit.getJson("/api/v1/notifications/preferences", principal, school).get("normalItems").asText())
                .isEqualTo("IN_APP_ONLY");

        String caseId = UUID.randomUUID().toString();
        kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new ConcernReported(caseId, "CT-2030-000008",
                CaseCategory.STAFF_CONDUCT, false, reporter, null, clock.instant()), "Case", caseId, 0));
        awaitDeliveries(caseId, 4); // in-app: HR, Principal, reporter; e-mail: HR
        mail.dispatchDue();

        assertThat(onlyMailTo(hr).getSubject()).isEqualTo("[casetrail] Concern reported CT-2030-000008");
        assertThat(mailsTo(principal)).isEmpty();
    }

    @Test
    void anUnacknowledgedUrgentNotificationIsEmailedAgainAndEscalatedToThePrincipal() throws Exception {
        String investigator = kit.user(school, Role.INVESTIGATOR, Role.STAFF);
        String caseId = UUID.randomUUID().toString();
        kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new InvestigationOverdue(caseId, "CT-2030-000009",
                CaseCategory.STAFF_CONDUCT, false, investigator, null, clock.instant(), clock.instant()),
                "Case", caseId, 5));
        String toHr = awaitInbox(hr, caseId, "INVESTIGATION_OVERDUE").get("notificationId").asText();
        String toPrincipal = awaitInbox(principal, caseId, "INVESTIGATION_OVERDUE").get("notificationId").asText();
        awaitDeliveries(caseId, 4);
        mail.dispatchDue();
        assertThat(mailsTo(hr)).hasSize(1);
        // The Principal acknowledges theirs; HR does not.
        assertThat(kit.post("/api/v1/notifications/" + toPrincipal + "/acknowledge", principal, school).statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(59));
        escalations.fireDue();
        assertThat(inboxOf(principal)).noneMatch(n -> n.get("type").asText().equals("NOTIFICATION_UNACKNOWLEDGED"));

        clock.advance(Duration.ofMinutes(2));
        escalations.fireDue();
        awaitDeliveries(caseId, 6); // and the Principal's escalation notice, in-app and e-mail
        mail.dispatchDue();

        assertThat(mailsTo(hr)).hasSize(2);
        JsonNode escalated = awaitInbox(principal, caseId, "NOTIFICATION_UNACKNOWLEDGED");
        assertThat(escalated.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(escalated.get("reference").asText()).isEqualTo("CT-2030-000009");
        assertThat(mailsTo(principal)).anyMatch(m -> subject(m).contains("Notification unacknowledged"));
        JsonNode hrDelivery = delivery(caseId, toHr);
        assertThat(hrDelivery.get("escalations")).extracting(e -> e.get("kind").asText()).containsExactly("ESCALATED");
        assertThat(delivery(caseId, toPrincipal).get("escalations")).isEmpty();

        // Once acknowledged, the second level does not fire.
        assertThat(kit.post("/api/v1/notifications/" + toHr + "/acknowledge", hr, school).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(4));
        escalations.fireDue();
        mail.dispatchDue();
        assertThat(mailsTo(hr)).hasSize(2);
        assertThat(delivery(caseId, toHr).get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(delivery(caseId, toHr).get("acknowledgedBy").asText()).isEqualTo(hr);
    }

    /** The dispatcher does not hang on the deliveries view either: a rebuild's live copy lacks every e-mail queued since it started. */
    @Test
    void anEmailGoesOutThoughTheDeliveriesViewDoesNotShowIt() throws Exception {
        String caseId = reportSafeguardingConcern(kit.user(school, Role.STAFF));
        awaitDeliveries(caseId, 5);
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), "deliveries");

        mail.dispatchDue();

        assertThat(onlyMailTo(dsl).getSubject()).isEqualTo("[casetrail, urgent] Concern reported CT-2030-000007");
        onlyMailTo(principal);
    }

    /**
     * P6 does not hang on the deliveries view, which is rebuildable: during a rebuild its live copy lacks
     * every notification queued since the rebuild started (and it may be a step behind at any time).
     * Here it lacks the case's notifications altogether; the case's acknowledgement still reaches them.
     */
    @Test
    void aSafeguardingAcknowledgementReachesTheNotificationsThatTheDeliveriesViewDoesNotShow() throws Exception {
        String caseId = reportSafeguardingConcern(kit.user(school, Role.STAFF));
        awaitDeliveries(caseId, 5);
        awaitInbox(dsl, caseId, "CONCERN_REPORTED");
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), "deliveries");

        kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new SafeguardingAcknowledged(caseId,
                "CT-2030-000007", CaseCategory.SAFEGUARDING, true, dsl, null, Instant.parse("2030-01-09T09:20:00Z")),
                "Case", caseId, 1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String lead : List.of(dsl, principal)) {
                assertThat(awaitInbox(lead, caseId, "CONCERN_REPORTED").path("acknowledgedAt").asText())
                        .isEqualTo("2030-01-09T09:20:00Z");
            }
        });
    }

    @Test
    void theDailyDigestListsYesterdaysNormalItemsOnceForThoseWhoWantIt() throws Exception {
        String reporter = kit.user(school, Role.STAFF);
        String optedOut = kit.user(school, Role.STAFF);
        assertThat(kit.put("/api/v1/notifications/preferences", "{\"normalItems\":\"IN_APP_ONLY\"}".getBytes(),
                optedOut, school).statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        String first = reportSafeguardingConcern(reporter);
        String second = reportSafeguardingConcern(optedOut);
        awaitInbox(reporter, first, "REPORT_RECEIVED");
        awaitInbox(optedOut, second, "REPORT_RECEIVED");

        digest.sendFor(today);
        digest.sendFor(today);

        MimeMessage daily = onlyMailTo(reporter);
        assertThat(daily.getSubject()).startsWith("[casetrail] Daily digest");
        assertThat(GreenMailUtil.getBody(daily)).contains("Type: REPORT_RECEIVED, reference: CT-2030-000007")
                .doesNotContain("CONCERN_REPORTED");
        assertThat(mailsTo(optedOut)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private String reportSafeguardingConcern(String reporter) {
        String caseId = UUID.randomUUID().toString();
        kit.send(Topics.CASE_EVENTS, caseId, TestKit.envelope(school, new ConcernReported(caseId, "CT-2030-000007",
                CaseCategory.SAFEGUARDING, true, reporter, null, clock.instant()), "Case", caseId, 0));
        return caseId;
    }

    private JsonNode deliveries(String caseId, String userId, Role role) throws Exception {
        return kit.getJson("/api/v1/notifications/deliveries?caseId=" + caseId, userId, school, role);
    }

    private void awaitDeliveries(String caseId, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(caseId, auditor, Role.AUDITOR)).hasSize(count));
    }

    private JsonNode emailTo(String recipient, String caseId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        deliveries(caseId, auditor, Role.AUDITOR).forEach(d -> {
            if (d.get("recipientId").asText().equals(recipient) && d.get("channel").asText().equals("EMAIL")) {
                found.add(d);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode delivery(String caseId, String notificationId) throws Exception {
        for (JsonNode d : deliveries(caseId, auditor, Role.AUDITOR)) {
            if (d.get("notificationId").asText().equals(notificationId)) {
                return d;
            }
        }
        throw new AssertionError("no delivery " + notificationId);
    }

    private List<JsonNode> inboxOf(String userId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        kit.getJson("/api/v1/notifications", userId, school).forEach(entries::add);
        return entries;
    }

    private JsonNode awaitInbox(String userId, String caseId, String type) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            found.clear();
            inboxOf(userId).stream().filter(n -> caseId.equals(n.path("caseId").asText())
                    && type.equals(n.path("type").asText())).forEach(found::add);
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private static List<MimeMessage> mailsTo(String userId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> addressedTo(m, TestKit.email(userId))).toList();
    }

    private static MimeMessage onlyMailTo(String userId) {
        List<MimeMessage> mails = mailsTo(userId);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** A fresh server for each test, so each sees only its own mails. */
    private static void smtpUp() {
        if (smtp == null) {
            smtp = startSmtp();
        }
    }

    private static void smtpDown() {
        smtp.stop();
        smtp = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
