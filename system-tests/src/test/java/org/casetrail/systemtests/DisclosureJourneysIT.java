package org.casetrail.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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
 * The disclosures' journeys end to end, black-box through the gateway on a devstack of their own
 * (domain.md, "Disclosures"; P2, P8): a prohibited disclosure opens a STAFF_CONDUCT case about its
 * declarer in case-service over Kafka, linked both ways and visible to the Principal, never to the
 * declarer; and a policy version whose report names the school's staff as the gateway's directory does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisclosureJourneysIT {

    static final Duration POLL = Duration.ofMillis(200);
    /** From the disclosure through both Kafka hops to the case and back; first events pay for group joins. */
    static final Duration ACROSS_SERVICES = Duration.ofSeconds(90);
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    static final String SAM = "sam.staff";
    static final String HANA = "hana.hr";
    static final String TARA = "tara.teacher";
    static final String PAUL = "paul.principal";
    static final String ADA = "ada.admin";
    static final String OLGA = "olga.other";

    private SystemUnderTest system;
    private final GatewayClient gateway = new GatewayClient(() -> system.stack().gatewayUrl());
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> userIds = new LinkedHashMap<>();

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
        system = SystemUnderTest.start(getClass());
        for (String user : List.of(SAM, HANA, TARA, PAUL, ADA, OLGA)) {
            Response me = gateway.get("/api/v1/me", token(user));
            assertThat(me.status()).as("GET /api/v1/me as %s: %s", user, me).isEqualTo(200);
            userIds.put(user, me.json().path("userId").asText());
        }
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("P8: hana.hr's prohibited disclosure opens a STAFF_CONDUCT case about her, linked both ways; the Principal sees both; hana, who sees conduct cases as HR, does not see hers (404)")
    void aProhibitedDisclosureOpensALinkedConductCase() {
        // The declarer is HR, who sees STAFF_CONDUCT cases: so a 404 is the subject rule, not a missing role.
        String hana = userIds.get(HANA);
        String counterpart = "Robin " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode disclosure = GatewayClient.JSON.createObjectNode()
                .put("counterpartType", "STUDENT").put("counterpartName", counterpart)
                .put("counterpartDateOfBirth", LocalDate.now(SCHOOL_ZONE).minusYears(15).toString())
                .put("basis", "PERSONAL_FRIENDSHIP").put("description", "We message each other on Instagram");
        disclosure.putArray("platforms").add("Instagram");
        Response declared = gateway.post("/api/v1/disclosures", token(HANA), disclosure.toString(),
                Map.of("X-Correlation-Id", "disclosure-journey-1"));
        assertThat(declared.status()).as("%s", declared).isEqualTo(201);
        assertThat(declared.json().path("decision").asText()).isEqualTo("PROHIBITED");
        String disclosureId = declared.json().path("disclosureId").asText();
        String caseId = declared.json().path("caseId").asText();
        assertThat(caseId).as("the answer names the case the flag opens").isNotBlank();

        // case-service opened the case (over Kafka): the Principal sees it, about hana, naming the disclosure
        // the detail names the disclosure once CaseOpenedFromDisclosure, which follows the report, is projected
        JsonNode theCase = awaitOk("/api/v1/cases/" + caseId, PAUL, node -> node.hasNonNull("disclosureId"));
        assertThat(theCase.path("category").asText()).isEqualTo("STAFF_CONDUCT");
        assertThat(theCase.path("subject").path("userId").asText()).isEqualTo(hana);
        assertThat(theCase.path("disclosureId").asText()).as("the case names the disclosure").isEqualTo(disclosureId);
        assertThat(theCase.toString()).as("the counterpart stays in disclosure-service").doesNotContain(counterpart);

        // ... and disclosure-service linked it back (over Kafka): the disclosure names the case
        JsonNode linked = awaitItem("/api/v1/disclosures", PAUL, disclosureId, d -> caseId.equals(d.path("caseId").asText()));
        assertThat(linked.path("decision").asText()).isEqualTo("PROHIBITED");
        assertThat(linked.path("rule").asText()).isEqualTo("P8_STUDENT_OTHER");
        JsonNode own = awaitItem("/api/v1/disclosures/mine", HANA, disclosureId, d -> caseId.equals(d.path("caseId").asText()));
        assertThat(own.path("declarerId").asText()).isEqualTo(hana);

        // the declarer is the case's subject: the case does not exist for her; nor for another school
        Response asSubject = gateway.get("/api/v1/cases/" + caseId, token(HANA));
        assertThat(asSubject.status()).as("hana.hr (the subject) GET /cases/%s: %s", caseId, asSubject).isEqualTo(404);
        assertThat(asSubject.body()).doesNotContain(disclosureId);
        Response hanasList = gateway.get("/api/v1/cases?size=100", token(HANA));
        assertThat(hanasList.status()).as("%s", hanasList).isEqualTo(200);
        assertThat(hanasList.body()).as("hana.hr's case list").doesNotContain(caseId);
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(SAM)).status()).as("sam.staff (no reviewer role)")
                .isEqualTo(403);
        assertThat(gateway.get("/api/v1/cases/" + caseId, token(OLGA)).status()).as("olga.other").isEqualTo(404);
        Response othersList = gateway.get("/api/v1/disclosures", token(OLGA));
        assertThat(othersList.status()).isEqualTo(200);
        assertThat(othersList.body()).as("another school's Principal's list").doesNotContain(disclosureId);
        assertThat(gateway.get("/api/v1/disclosures", token(TARA)).status()).as("tara.teacher (STAFF only)").isEqualTo(403);
    }

    @Test
    @Order(2)
    @DisplayName("P2: ada.admin publishes a policy version; sam.staff acknowledges; paul.principal sees who has and who has not, from the gateway's directory")
    void policyAcknowledgementsAgainstTheSchoolsStaff() {
        String version = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode policy = GatewayClient.JSON.createObjectNode().put("version", version)
                .put("title", "Staff social media policy").put("text", "Staff keep personal accounts private.")
                .put("effectiveFrom", LocalDate.now(SCHOOL_ZONE).toString());
        Response published = gateway.post("/api/v1/policy-versions", token(ADA), policy.toString(), Map.of());
        assertThat(published.status()).as("%s", published).isEqualTo(201);
        String acknowledgements = "/api/v1/policy-versions/" + version + "/acknowledgements";
        Response acknowledged = gateway.post(acknowledgements, token(SAM), "{}", Map.of());
        assertThat(acknowledged.status()).as("%s", acknowledged).isEqualTo(200);

        JsonNode report = await().atMost(ACROSS_SERVICES).pollInterval(POLL).until(() -> {
            Response response = gateway.get(acknowledgements, token(PAUL));
            return response.status() == 200 ? response.json() : null;
        }, r -> r != null && r.path("acknowledged").size() == 1 && r.path("notAcknowledged").size() > 0);
        assertThat(report.path("acknowledged").findValuesAsText("userId")).containsExactly(userIds.get(SAM));
        assertThat(report.path("notAcknowledged").findValuesAsText("userId"))
                .contains(userIds.get(TARA), userIds.get(PAUL))
                .doesNotContain(userIds.get(SAM), userIds.get(ADA), userIds.get(OLGA));
        assertThat(gateway.get(acknowledgements, token(OLGA)).status()).as("another school's Principal").isEqualTo(404);
    }

    private JsonNode awaitOk(String path, String user) {
        return awaitOk(path, user, node -> true);
    }

    /** The first 200 whose body also satisfies {@code ready} (a read model may fill a field a moment later). */
    private JsonNode awaitOk(String path, String user, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(ACROSS_SERVICES).pollInterval(POLL).until(() -> {
                Response response = gateway.get(path, token(user));
                last.set(response);
                return response.status() == 200 ? response.json() : null;
            }, node -> node != null && ready.test(node));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " as " + user + " never answered 200 within " + ACROSS_SERVICES
                    + "; last: " + last.get(), e);
        }
    }

    private JsonNode awaitItem(String path, String user, String disclosureId, java.util.function.Predicate<JsonNode> also) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(ACROSS_SERVICES).pollInterval(POLL).until(() -> {
                Response response = gateway.get(path, token(user));
                last.set(response);
                return response.status() == 200 ? response.items().stream()
                        .filter(d -> disclosureId.equals(d.path("disclosureId").asText()) && also.test(d))
                        .findFirst().orElse(null) : null;
            }, node -> node != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " as " + user + " never showed disclosure " + disclosureId
                    + " as expected within " + ACROSS_SERVICES + "; last: " + last.get(), e);
        }
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, gateway::login);
    }
}
