package org.casetrail.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.core.ConditionTimeoutException;
import org.casetrail.systemtests.GatewayClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The case's journeys (domain.md, "The case") end to end, black-box through the gateway on its own
 * devstack: a conduct case from report to summary dismissal and an upheld appeal, a safeguarding
 * referral, an abuse-of-staff case that needs its support offer, and a policy query closed without
 * further action. Every journey opens its own case; the journeys share only the running system.
 * Each step is checked through the case's read model (GET /api/v1/cases/{id}, eventually consistent,
 * so polled) and, where domain.md routes one, through the inboxes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseJourneysIT {

    static final Duration POLL = Duration.ofMillis(100);
    /** The read models (case detail, lists, the reporter's view) follow the event store. */
    static final Duration READ_MODEL = Duration.ofSeconds(20);
    /** Inboxes; the first event through a freshly started pipeline also pays for consumer group joins. */
    static final Duration NOTIFIED = Duration.ofSeconds(60);
    /** How long a notification that must not come is given to come anyway. */
    static final Duration QUIET = Duration.ofSeconds(2);
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final String PROBLEM_JSON = "application/problem+json";

    static final String SCHOOL = "demo-school";
    static final String SAM = "sam.staff";
    static final String TARA = "tara.teacher";
    static final String DINA = "dina.dsl";
    static final String HANA = "hana.hr";
    static final String PAUL = "paul.principal";
    static final String IVAN = "ivan.investigator";
    static final String GWEN = "gwen.governor";
    static final String OLGA = "olga.other";

    private SystemUnderTest system;
    private final GatewayClient gateway = new GatewayClient(() -> system.stack().gatewayUrl());
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> userIds = new LinkedHashMap<>();
    private final Map<String, String> timings = new LinkedHashMap<>();
    private long classStartNanos;

    // ---- lifecycle ----------------------------------------------------------------------------

    @RegisterExtension
    final TestWatcher dumpLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.out.println("==== " + context.getDisplayName() + " failed: " + cause + " — component logs follow ====");
            System.out.println(system == null ? "(devstack not built)" : system.diagnostics());
        }
    };

    @BeforeAll
    void startTheSystem() throws Exception {
        classStartNanos = System.nanoTime();
        system = SystemUnderTest.start(getClass());
        time("start-up (all components healthy)", classStartNanos);
        System.out.println("casetrail case journeys: gateway at " + system.stack().gatewayUrl());
        for (String user : List.of(SAM, TARA, DINA, HANA, PAUL, IVAN, GWEN, OLGA)) {
            Response me = gateway.get("/api/v1/me", token(user));
            assertThat(me.status()).as("GET /api/v1/me as %s: %s", user, me).isEqualTo(200);
            userIds.put(user, me.json().path("userId").asText());
        }
        String expectedTara = UUID.nameUUIDFromBytes((SCHOOL + "/" + TARA).getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(userIds.get(TARA)).as("tara.teacher's userId").isEqualTo(expectedTara);
    }

    @AfterAll
    void stopTheSystem() {
        long stopStart = System.nanoTime();
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            time("stop", stopStart);
            time("whole class", classStartNanos);
            StringBuilder summary = new StringBuilder("==== " + getClass().getSimpleName() + " timings ====\n");
            timings.forEach((what, took) -> summary.append(String.format("  %-78s %s%n", what, took)));
            System.out.println(summary);
        }
    }

    // ---- journeys -----------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("STAFF_CONDUCT: report → investigation → findings (gross misconduct) → hearing → SUMMARY_DISMISSAL → appeal UPHELD → CLOSED; the subject never sees the case")
    void conductCaseToSummaryDismissalAndUpheldAppeal() {
        String j = "J1 conduct";
        long start = System.nanoTime();
        String tara = userIds.get(TARA);
        String paul = userIds.get(PAUL);
        String ivan = userIds.get(IVAN);
        String gwen = userIds.get(GWEN);
        String summary = "Repeated mocking posts about a colleague " + UUID.randomUUID();

        // sam reports tara
        ObjectNode concern = concern("STAFF_CONDUCT", summary, "A series of posts in a staff WhatsApp group and on Facebook");
        concern.putObject("subject").put("type", "STAFF").put("userId", tara).put("name", "Tara Teacher");
        String caseId = report(j, SAM, concern);
        JsonNode detail = awaitDetail(caseId, "REPORTED", d -> true);
        assertThat(detail.path("subject").path("userId").asText()).isEqualTo(tara);
        assertThat(detail.path("reporterId").asText()).isEqualTo(userIds.get(SAM));
        awaitEntry(j, PAUL, caseId, "CONCERN_REPORTED", NOTIFIED);
        awaitEntry(j, HANA, caseId, "CONCERN_REPORTED", NOTIFIED);
        awaitEntry(j, SAM, caseId, "REPORT_RECEIVED", NOTIFIED);
        assertSubjectCannotSee(caseId);
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(IVAN)).status())
                .as("ivan.investigator before he is assigned").isEqualTo(404);
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(OLGA)).status())
                .as("olga.other (another school's Principal)").isEqualTo(404);

        // paul triages for investigation
        command(j, "triage INVESTIGATION", PAUL, caseId, "triage", json()
                .put("route", "INVESTIGATION").put("severity", "HIGH")
                .put("rationale", "Alleged bullying of a colleague: formal investigation"), 200);
        detail = awaitDetail(caseId, "TRIAGED", d -> "INVESTIGATION".equals(d.path("route").asText()));
        assertThat(detail.path("severity").asText()).isEqualTo("HIGH");

        // the subject cannot investigate her own case; ivan can
        Response subjectAsInvestigator = command(j, "assign the subject as investigator (refused)", PAUL, caseId,
                "investigator", json().put("investigatorId", tara), 422);
        assertRule(subjectAsInvestigator, "INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT");
        command(j, "assign ivan", PAUL, caseId, "investigator", json().put("investigatorId", ivan), 200);
        detail = awaitDetail(caseId, "INVESTIGATING", d -> ivan.equals(d.path("investigatorId").asText()));
        awaitEntry(j, IVAN, caseId, "INVESTIGATOR_ASSIGNED", NOTIFIED);
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(IVAN)).status())
                .as("ivan.investigator once assigned").isEqualTo(200);

        // ivan investigates
        String sha256 = sha256("screenshot bytes of " + caseId);
        Response evidence = command(j, "evidence with sha256", IVAN, caseId, "evidence", json()
                .put("kind", "SCREENSHOT").put("description", "Screenshots of the posts, taken by the reporter")
                .put("reference", "evidence/" + caseId + "/posts.png").put("sha256", sha256), 201);
        assertThat(evidence.json().path("evidenceId").asText()).isNotBlank();
        Response interview = command(j, "interview", IVAN, caseId, "interviews", json()
                .put("intervieweeId", tara).put("intervieweeName", "Tara Teacher")
                .put("heldAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())
                .put("summary", "The subject accepts writing the posts").put("accompaniedBy", "union representative"), 201);
        assertThat(interview.json().path("interviewId").asText()).isNotBlank();
        ObjectNode findings = json().put("breachFound", true).put("grossMisconduct", true)
                .put("grossMisconductReason", "BULLYING_COLLEAGUES")
                .put("summary", "Sustained harassment of a colleague on social media");
        findings.putArray("breachedClauses").add("P7.HARASSMENT");
        command(j, "findings (breach, gross misconduct)", IVAN, caseId, "findings", findings, 200);
        detail = awaitDetail(caseId, "FINDINGS_RECORDED", d -> true);
        assertThat(detail.path("breachFound").asBoolean()).isTrue();
        assertThat(detail.path("grossMisconduct").asBoolean()).isTrue();
        assertThat(texts(detail.path("breachedClauses"))).containsExactly("P7.HARASSMENT");
        assertThat(historyTypes(detail)).contains("EvidenceAdded", "InterviewRecorded", "FindingsRecorded");

        // nothing has reached the subject before the hearing notice (the events above are through:
        // ivan's INVESTIGATOR_ASSIGNED came after the report's and the triage's)
        sleep(QUIET);
        assertThat(caseEntries(inbox(TARA), caseId)).as("tara.teacher's inbox before the hearing notice").isEmpty();

        // hana schedules the hearing: too little notice is refused, two working days are enough
        Instant noticeGivenAt = Instant.now().minus(1, ChronoUnit.MINUTES);
        Instant tooSoon = hearingAfterWorkingDays(noticeGivenAt, 1);
        Response shortNotice = command(j, "hearing with 1 working day's notice (refused)", HANA, caseId, "hearing",
                hearing(tooSoon, noticeGivenAt, paul), 422);
        assertRule(shortNotice, "HEARING_MIN_NOTICE");
        Instant hearingAt = hearingAfterWorkingDays(noticeGivenAt, 2);
        System.out.println("casetrail case journeys: notice given " + noticeGivenAt + ", hearing at " + hearingAt
                + " (" + hearingAt.atZone(SCHOOL_ZONE).getDayOfWeek() + " in " + SCHOOL_ZONE + ")");
        command(j, "schedule hearing (2 working days' notice, decision maker paul)", HANA, caseId, "hearing",
                hearing(hearingAt, noticeGivenAt, paul), 200);
        detail = awaitDetail(caseId, "HEARING_SCHEDULED", d -> paul.equals(d.path("hearingDecisionMakerId").asText()));
        assertThat(Instant.parse(detail.path("hearingScheduledFor").asText())).isEqualTo(hearingAt);
        JsonNode notice = awaitEntry(j, TARA, caseId, "HEARING_NOTICE", NOTIFIED);
        awaitEntry(j, HANA, caseId, "HEARING_SCHEDULED", NOTIFIED);

        // summary dismissal before the hearing is held: 422 naming the rule, nothing stored
        Response early = command(j, "SUMMARY_DISMISSAL before the hearing is held (refused)", PAUL, caseId, "outcome",
                json().put("outcome", "SUMMARY_DISMISSAL").put("rationale", "too early"), 422);
        assertRule(early, "HEARING_HELD_BEFORE_OUTCOME");
        detail = detail(PAUL, caseId);
        assertThat(detail.path("status").asText()).isEqualTo("HEARING_SCHEDULED");
        assertThat(detail.path("outcome").isNull() || detail.path("outcome").isMissingNode()).as("outcome after the refusal: %s", detail).isTrue();

        // hana records the hearing held; paul decides
        command(j, "hearing held", HANA, caseId, "hearing/held", json()
                .put("heldAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString())
                .put("accompaniedBy", "union representative").put("notes", "The subject was heard and accompanied"), 200);
        awaitDetail(caseId, "HEARING_SCHEDULED", d -> historyTypes(d).contains("HearingHeld"));
        command(j, "outcome SUMMARY_DISMISSAL", PAUL, caseId, "outcome", json()
                .put("outcome", "SUMMARY_DISMISSAL").put("rationale", "Gross misconduct: bullying a colleague (P12)"), 200);
        detail = awaitDetail(caseId, "OUTCOME_DECIDED", d -> "SUMMARY_DISMISSAL".equals(d.path("outcome").asText()));
        assertThat(detail.path("appealWindowClosesAt").asText()).isNotBlank();
        JsonNode outcomeEntry = awaitEntry(j, TARA, caseId, "OUTCOME_DECIDED", NOTIFIED);
        awaitEntry(j, HANA, caseId, "OUTCOME_DECIDED", NOTIFIED);

        // tara (the subject) appeals; the outcome's decider cannot be named, nor decide
        Response paulNamed = command(j, "appeal naming paul as decider (refused)", TARA, caseId, "appeal",
                json().put("grounds", "The sanction is too severe").put("appealDeciderId", paul), 422);
        assertRule(paulNamed, "APPEAL_DECIDER_IS_NOT_OUTCOME_DECIDER");
        command(j, "appeal by the subject naming gwen", TARA, caseId, "appeal",
                json().put("grounds", "The sanction is too severe").put("appealDeciderId", gwen), 200);
        awaitDetail(caseId, "APPEAL_LODGED", d -> gwen.equals(d.path("appealDeciderId").asText()));
        Response paulDecides = command(j, "appeal decision by paul, the outcome's decider (refused)", PAUL, caseId,
                "appeal/decision", json().put("decision", "OVERTURNED").put("rationale", "I changed my mind"), 404);
        assertThat(paulDecides.contentType()).startsWith(PROBLEM_JSON);
        assertThat(detail(PAUL, caseId).path("status").asText()).as("after paul's refused decision").isEqualTo("APPEAL_LODGED");
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(GWEN)).status()).as("gwen.governor, named decider").isEqualTo(200);

        // gwen upholds: closed
        command(j, "appeal decision UPHELD by gwen", GWEN, caseId, "appeal/decision",
                json().put("decision", "UPHELD").put("rationale", "The findings support the sanction"), 200);
        detail = awaitDetail(caseId, "CLOSED", d -> true);
        assertThat(detail.path("resolution").asText()).isEqualTo("APPEAL_DECIDED");
        awaitEntry(j, TARA, caseId, "APPEAL_DECIDED", NOTIFIED);
        awaitEntry(j, HANA, caseId, "APPEAL_DECIDED", NOTIFIED);
        awaitEntry(j, SAM, caseId, "REPORT_CLOSED", NOTIFIED);
        awaitMine(SAM, caseId, "CLOSED");

        // the subject: told from the hearing notice on, and only that; never sees the case
        assertSubjectCannotSee(caseId);
        List<JsonNode> tarasEntries = caseEntries(inbox(TARA), caseId);
        assertThat(tarasEntries.stream().map(n -> n.path("type").asText()).toList())
                .as("tara.teacher's notifications for the case")
                .containsExactlyInAnyOrder("HEARING_NOTICE", "OUTCOME_DECIDED", "APPEAL_DECIDED");
        Instant noticeAt = Instant.parse(notice.path("createdAt").asText());
        assertThat(tarasEntries).allSatisfy(n -> assertThat(Instant.parse(n.path("createdAt").asText()))
                .as("%s", n).isAfterOrEqualTo(noticeAt));
        assertThat(Instant.parse(outcomeEntry.path("createdAt").asText())).isAfterOrEqualTo(noticeAt);
        assertThat(inbox(TARA).body()).as("tara.teacher's inbox carries no allegation content").doesNotContain(summary);
        time(j + ": whole journey", start);
    }

    @Test
    @Order(2)
    @DisplayName("SAFEGUARDING: report → DSL acknowledges → triaged SAFEGUARDING → referral REFERRED → closed by the DSL; the reporter sees CLOSED")
    void safeguardingReferral() {
        String j = "J2 safeguarding";
        long start = System.nanoTime();
        String caseId = report(j, SAM, concern("SAFEGUARDING", "Pupil contacted at night " + UUID.randomUUID(),
                "Direct messages to a pupil after 10pm, screenshots kept"));
        awaitDetail(caseId, "REPORTED", d -> d.path("safeguarding").asBoolean());
        awaitEntry(j, DINA, caseId, "CONCERN_REPORTED", NOTIFIED);

        command(j, "acknowledge", DINA, caseId, "acknowledge", json().put("note", "Seen, on it"), 200);
        awaitDetail(caseId, "REPORTED", d -> d.path("acknowledged").asBoolean());
        command(j, "triage SAFEGUARDING", DINA, caseId, "triage", json()
                .put("route", "SAFEGUARDING").put("severity", "CRITICAL").put("rationale", "Child at potential risk (P6)"), 200);
        awaitDetail(caseId, "TRIAGED", d -> "SAFEGUARDING".equals(d.path("route").asText()));

        Response tooEarly = command(j, "close before the referral decision (refused)", DINA, caseId, "close",
                json().put("rationale", "done"), 422);
        assertRule(tooEarly, "REFERRAL_DECISION_BEFORE_CLOSING");
        command(j, "referral REFERRED", DINA, caseId, "referral", json()
                .put("agency", "Local authority children's social care").put("reference", "LA-" + UUID.randomUUID())
                .put("decision", "REFERRED").put("rationale", "Threshold for referral met"), 200);
        awaitDetail(caseId, "TRIAGED", d -> historyTypes(d).contains("ReferralDecisionRecorded"));
        command(j, "close", DINA, caseId, "close", json().put("rationale", "Referred; the agency leads"), 200);
        JsonNode detail = awaitDetail(caseId, "CLOSED", d -> true);
        assertThat(detail.path("resolution").asText()).isEqualTo("REFERRAL_DECIDED");

        JsonNode mine = awaitMine(SAM, caseId, "CLOSED");
        assertThat(mine.path("category").asText()).isEqualTo("SAFEGUARDING");
        awaitEntry(j, SAM, caseId, "REPORT_CLOSED", NOTIFIED);
        time(j + ": whole journey", start);
    }

    @Test
    @Order(3)
    @DisplayName("ABUSE_OF_STAFF: report → triaged SUPPORT → closing without a support offer refused → HR offers support → closed")
    void abuseOfStaffNeedsSupportBeforeClosing() {
        String j = "J3 abuse of staff";
        long start = System.nanoTime();
        ObjectNode concern = concern("ABUSE_OF_STAFF", "Threatening comments from a parent " + UUID.randomUUID(),
                "Comments under the school's Facebook post naming the reporter");
        concern.putObject("subject").put("type", "PARENT").put("name", "A parent of Year 8");
        String caseId = report(j, SAM, concern);
        awaitDetail(caseId, "REPORTED", d -> true);
        awaitEntry(j, PAUL, caseId, "CONCERN_REPORTED", NOTIFIED);

        command(j, "triage SUPPORT", PAUL, caseId, "triage", json()
                .put("route", "SUPPORT").put("severity", "MEDIUM").put("rationale", "Support the member of staff (P14)"), 200);
        awaitDetail(caseId, "TRIAGED", d -> "SUPPORT".equals(d.path("route").asText()));

        Response refused = gateway.post("/api/v1/cases/" + caseId + "/close", token(PAUL),
                json().put("rationale", "nothing more to do").toString(), Map.of());
        System.out.println("casetrail case journeys: " + j + ": close before support → " + refused);
        assertThat(refused.status()).as("close before support: %s", refused).isEqualTo(422);
        assertRule(refused, "SUPPORT_OFFER_BEFORE_CLOSING");
        assertThat(detail(PAUL, caseId).path("status").asText()).as("after the refused close").isEqualTo("TRIAGED");

        command(j, "support offered (hana)", HANA, caseId, "support", json()
                .put("offeredTo", userIds.get(SAM)).put("description", "Employee assistance programme and a meeting with the parent"), 200);
        awaitDetail(caseId, "TRIAGED", d -> historyTypes(d).contains("SupportOffered"));
        command(j, "close", PAUL, caseId, "close", json().put("rationale", "Support offered and accepted"), 200);
        JsonNode detail = awaitDetail(caseId, "CLOSED", d -> true);
        assertThat(detail.path("resolution").asText()).isEqualTo("SUPPORT_OFFERED");
        awaitMine(SAM, caseId, "CLOSED");
        awaitEntry(j, SAM, caseId, "REPORT_CLOSED", NOTIFIED);
        time(j + ": whole journey", start);
    }

    @Test
    @Order(4)
    @DisplayName("POLICY_QUERY: report → triaged NO_FURTHER_ACTION with rationale → closed; the reporter sees CLOSED")
    void policyQueryClosedWithoutFurtherAction() {
        String j = "J4 policy query";
        long start = System.nanoTime();
        String caseId = report(j, SAM, concern("POLICY_QUERY", "May I follow ex-students over 18? " + UUID.randomUUID(),
                "A former student (now 19) sent me a follow request"));
        awaitDetail(caseId, "REPORTED", d -> true);
        awaitEntry(j, PAUL, caseId, "CONCERN_REPORTED", NOTIFIED);

        command(j, "triage NO_FURTHER_ACTION", PAUL, caseId, "triage", json()
                .put("route", "NO_FURTHER_ACTION").put("severity", "LOW")
                .put("rationale", "Answered: permitted at 18 or over, declare it as a disclosure (P8)"), 200);
        awaitDetail(caseId, "TRIAGED", d -> "NO_FURTHER_ACTION".equals(d.path("route").asText()));
        command(j, "close", PAUL, caseId, "close", json().put("rationale", "Query answered"), 200);
        JsonNode detail = awaitDetail(caseId, "CLOSED", d -> true);
        assertThat(detail.path("resolution").asText()).isEqualTo("NO_FURTHER_ACTION");
        awaitMine(SAM, caseId, "CLOSED");
        awaitEntry(j, SAM, caseId, "REPORT_CLOSED", NOTIFIED);
        time(j + ": whole journey", start);
    }

    // ---- steps --------------------------------------------------------------------------------

    private String report(String journey, String user, ObjectNode concern) {
        long start = System.nanoTime();
        Response created = gateway.post("/api/v1/concerns", token(user), concern.toString(), Map.of());
        time(journey + ": POST /concerns → " + created.status(), start);
        assertThat(created.status()).as("report by %s: %s", user, created).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("REPORTED");
        String caseId = created.json().path("caseId").asText();
        assertThat(caseId).isNotBlank();
        System.out.println("casetrail case journeys: " + journey + ": case " + caseId + " " + created.json().path("reference").asText());
        return caseId;
    }

    /** POST /api/v1/cases/{caseId}/{path} as {@code user}; asserts the status (and problem+json for an error). */
    private Response command(String journey, String step, String user, String caseId, String path, ObjectNode body,
                             int expectedStatus) {
        long start = System.nanoTime();
        Response response = gateway.post("/api/v1/cases/" + caseId + "/" + path, token(user), body.toString(), Map.of());
        time(journey + ": " + step + " → " + response.status(), start);
        assertThat(response.status()).as("%s: %s as %s → %s", journey, step, user, response).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.contentType()).as("%s: %s", step, response).startsWith(PROBLEM_JSON);
        }
        return response;
    }

    private static void assertRule(Response problem, String rule) {
        assertThat(problem.json().path("rule").asText()).as("the rule named by %s", problem).isEqualTo(rule);
        assertThat(problem.json().path("status").asInt()).as("%s", problem).isEqualTo(problem.status());
        assertThat(problem.json().path("detail").asText()).as("%s", problem).isNotBlank();
    }

    /**
     * The subject never sees the case: tara.teacher holds only STAFF, so the case endpoints are closed
     * to her by role (403) before visibility (404) is even asked; either way, nothing of the case.
     */
    private void assertSubjectCannotSee(String caseId) {
        Response one = gateway.get("/api/v1/cases/" + caseId, token(TARA));
        assertThat(one.status()).as("tara.teacher GET /cases/%s: %s", caseId, one).isIn(403, 404);
        assertThat(one.contentType()).as("%s", one).startsWith(PROBLEM_JSON);
        for (String field : List.of("reference", "category", "summary", "details", "subject", "history")) {
            assertThat(one.json().has(field)).as("tara.teacher's answer carries no %s: %s", field, one).isFalse();
        }
        Response list = gateway.get("/api/v1/cases?size=100", token(TARA));
        if (list.status() == 200) {
            assertThat(list.body()).as("tara.teacher's case list").doesNotContain(caseId);
        } else {
            assertThat(list.status()).as("tara.teacher GET /cases: %s", list).isIn(403, 404);
        }
        Response mine = gateway.get("/api/v1/concerns/mine", token(TARA));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).as("tara.teacher's reports").doesNotContain(caseId);
        System.out.println("casetrail case journeys: subject tara.teacher: GET /cases/" + caseId + " → " + one.status()
                + ", GET /cases → " + list.status() + ", not in /concerns/mine");
    }

    private JsonNode detail(String user, String caseId) {
        Response response = gateway.get("/api/v1/cases/" + caseId, token(user));
        assertThat(response.status()).as("GET /cases/%s as %s: %s", caseId, user, response).isEqualTo(200);
        return response.json();
    }

    /** Polls the case as paul.principal until it is in {@code status} and {@code also} holds. */
    private JsonNode awaitDetail(String caseId, String status, Predicate<JsonNode> also) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(READ_MODEL).pollInterval(POLL).until(() -> {
                Response response = gateway.get("/api/v1/cases/" + caseId, token(PAUL));
                last.set(response);
                if (response.status() != 200) {
                    return null;
                }
                JsonNode node = response.json();
                return status.equals(node.path("status").asText()) && also.test(node) ? node : null;
            }, node -> node != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("case " + caseId + " did not reach " + status + " (and the expected detail) within "
                    + READ_MODEL + "; last: " + last.get(), e);
        }
    }

    private JsonNode awaitMine(String user, String caseId, String status) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(READ_MODEL).pollInterval(POLL).until(() -> {
                Response response = gateway.get("/api/v1/concerns/mine", token(user));
                last.set(response);
                return response.status() == 200 ? response.items().stream()
                        .filter(n -> caseId.equals(n.path("caseId").asText()) && status.equals(n.path("status").asText()))
                        .findFirst() : Optional.<JsonNode>empty();
            }, Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(user + "'s /concerns/mine did not show " + caseId + " as " + status
                    + " within " + READ_MODEL + "; last: " + last.get(), e);
        }
    }

    private JsonNode awaitEntry(String journey, String user, String caseId, String type, Duration atMost) {
        long start = System.nanoTime();
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            JsonNode entry = await().atMost(atMost).pollInterval(POLL).until(() -> {
                Response response = gateway.get("/api/v1/notifications", token(user));
                last.set(response);
                return response.status() == 200 ? caseEntries(response, caseId).stream()
                        .filter(n -> type.equals(n.path("type").asText())).findFirst() : Optional.<JsonNode>empty();
            }, Optional::isPresent).get();
            time(journey + ": " + user + " has " + type, start);
            return entry;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(user + " got no " + type + " for " + caseId + " within " + atMost
                    + "; last inbox: " + last.get(), e);
        }
    }

    private Response inbox(String user) {
        Response response = gateway.get("/api/v1/notifications", token(user));
        assertThat(response.status()).as("%s's inbox: %s", user, response).isEqualTo(200);
        return response;
    }

    private static List<JsonNode> caseEntries(Response inbox, String caseId) {
        return inbox.items().stream().filter(n -> caseId.equals(n.path("caseId").asText())).toList();
    }

    // ---- data ---------------------------------------------------------------------------------

    private static ObjectNode json() {
        return GatewayClient.JSON.createObjectNode();
    }

    private static ObjectNode concern(String category, String summary, String details) {
        return json().put("category", category).put("summary", summary).put("details", details)
                .put("occurredAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("platform", "Facebook");
    }

    private static ObjectNode hearing(Instant scheduledFor, Instant noticeGivenAt, String decisionMakerId) {
        return json().put("scheduledFor", scheduledFor.toString()).put("noticeGivenAt", noticeGivenAt.toString())
                .put("decisionMakerId", decisionMakerId).put("companionAllowed", true);
    }

    /**
     * 10:00 school time on the day {@code workingDays} working days (Mon-Fri, Europe/London) after the
     * notice's day: the aggregate counts the working days after the notice day up to the hearing day.
     */
    static Instant hearingAfterWorkingDays(Instant noticeGivenAt, int workingDays) {
        LocalDate day = noticeGivenAt.atZone(SCHOOL_ZONE).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day.atTime(LocalTime.of(10, 0)).atZone(SCHOOL_ZONE).toInstant();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> historyTypes(JsonNode detail) {
        List<String> types = new ArrayList<>();
        detail.path("history").forEach(step -> types.add(step.path("type").asText()));
        return types;
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, gateway::login);
    }

    // ---- timing and diagnostics ---------------------------------------------------------------

    private void time(String what, long startNanos) {
        String took = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms";
        timings.put(what, took);
        System.out.println("casetrail case journeys: " + what + ": " + took);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
