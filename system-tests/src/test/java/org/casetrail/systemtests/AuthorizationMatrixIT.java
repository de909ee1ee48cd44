package org.casetrail.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casetrail.devstack.DevstackDefaults;
import org.casetrail.devstack.JwtKeys;
import org.casetrail.systemtests.AuthorizationMatrix.Fixture;
import org.casetrail.systemtests.AuthorizationMatrix.Group;
import org.casetrail.systemtests.AuthorizationMatrix.Ids;
import org.casetrail.systemtests.AuthorizationMatrix.Role;
import org.casetrail.systemtests.AuthorizationMatrix.Row;
import org.casetrail.systemtests.GatewayClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs {@link AuthorizationMatrix} through the gateway on one devstack for the whole class, and checks
 * that the table covers every endpoint the gateway and the services publish in their OpenAPI documents.
 *
 * <p>The callers: 8 single-role users of the demo school whom the fixtures name (reporter, investigator,
 * decider), 8 more named by nothing, 8 of the other school, and one subject whose role is switched, all
 * created through the directory admin endpoints ({@code ada.admin} for the demo school,
 * {@code oscar.admin} for the other). Users made through the admin API have no password (production
 * signs them in at the school's identity provider), so this test plays that provider: it signs their
 * tokens with the devstack's key, issuer and audience. The gateway still checks each token against the
 * directory (active, same school, same roles), exactly as for the token endpoint's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    static final Duration READ_MODEL = Duration.ofSeconds(30);
    static final Duration NOTIFIED = Duration.ofSeconds(90);
    static final Duration POLL = Duration.ofMillis(200);
    /** The services whose OpenAPI documents the gateway routes (gateway application.yml), plus its own. */
    static final List<String> API_DOCS = List.of("/v3/api-docs", "/v3/api-docs/cases", "/v3/api-docs/disclosures",
            "/v3/api-docs/notifications");
    static final String DEMO_SCHOOL = "demo-school";
    static final String OTHER_SCHOOL = "other-school";

    private SystemUnderTest system;
    private final GatewayClient gateway = new GatewayClient(() -> system.stack().gatewayUrl());
    private RSAPrivateKey signingKey;
    private String adaToken;
    private String oscarToken;
    private final Map<Group, Map<Role, Caller>> callers = new EnumMap<>(Group.class);
    private Caller subject;
    private Role subjectRole;
    private final AtomicInteger unique = new AtomicInteger();
    private final List<String> mismatches = new ArrayList<>();
    private int cellsRun;

    record Caller(String userId, String username, String schoolId, Role role) {
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @BeforeAll
    void startTheSystemAndMakeTheCallers() throws Exception {
        system = SystemUnderTest.start(getClass());
        signingKey = readPrivateKey(JwtKeys.privateKey(system.dataDir()));
        adaToken = gateway.login("ada.admin");
        oscarToken = gateway.login("oscar.admin");
        Map<Role, Caller> own = new EnumMap<>(Role.class);
        Map<Role, Caller> bystander = new EnumMap<>(Role.class);
        Map<Role, Caller> other = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase();
            own.put(role, createUser(adaToken, DEMO_SCHOOL, "mx." + name, role));
            bystander.put(role, createUser(adaToken, DEMO_SCHOOL, "mb." + name, role));
            other.put(role, createUser(oscarToken, OTHER_SCHOOL, "mo." + name, role));
        }
        callers.put(Group.OWN, own);
        callers.put(Group.BYSTANDER, bystander);
        callers.put(Group.OTHER, other);
        subject = createUser(adaToken, DEMO_SCHOOL, "ms.subject", Role.STAFF);
        subjectRole = Role.STAFF;
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    // ---- the tests ----------------------------------------------------------------------------

    /** Every endpoint of every OpenAPI document has a row, and every row is an endpoint somebody publishes. */
    @Test
    @Order(1)
    void everyPublishedEndpointHasARow() {
        Set<String> published = new TreeSet<>();
        for (String document : API_DOCS) {
            Response response = gateway.get(document, null);
            assertThat(response.status()).as("GET %s: %s", document, response).isEqualTo(200);
            Iterator<Map.Entry<String, JsonNode>> paths = response.json().path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        published.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
        }
        Set<String> inTable = new TreeSet<>();
        AuthorizationMatrix.ROWS.forEach(row -> assertThat(inTable.add(row.endpoint()))
                .as("a second row for %s", row.endpoint()).isTrue());
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(inTable);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(published);
        assertThat(missing).as("endpoints published in %s without a row in AuthorizationMatrix.ROWS: add a row "
                + "for each", API_DOCS).isEmpty();
        assertThat(stale).as("rows of AuthorizationMatrix.ROWS for endpoints no OpenAPI document publishes").isEmpty();
    }

    @Test
    @Order(2)
    void everyCellHasItsExactStatus() {
        List<Row> rows = AuthorizationMatrix.ROWS;
        Map<Row, Map<String, String>> shared = new LinkedHashMap<>();
        for (Row row : rows) {
            shared.put(row, build(row.fixture()));
        }
        List<Runnable> permittedOnFreshFixtures = new ArrayList<>();
        // own school, bystanders, the other school: on the row's shared object
        for (Group group : List.of(Group.OWN, Group.BYSTANDER, Group.OTHER)) {
            for (Row row : rows) {
                for (Role role : Role.values()) {
                    Caller caller = callers.get(group).get(role);
                    if (needsFreshFixture(row, row.expected(group, role))) {
                        permittedOnFreshFixtures.add(() -> cell(row, group, role, caller, build(row.fixture())));
                    } else {
                        cell(row, group, role, caller, shared.get(row));
                    }
                }
            }
        }
        // the subject, one role at a time
        for (Role role : Role.values()) {
            for (Row row : rows) {
                if (needsFreshFixture(row, row.expected(Group.SUBJECT, role))) {
                    permittedOnFreshFixtures.add(() -> cell(row, Group.SUBJECT, role, subjectAs(role), build(row.fixture())));
                } else {
                    cell(row, Group.SUBJECT, role, subjectAs(role), shared.get(row));
                }
            }
        }
        // nobody
        for (Row row : rows) {
            Response response = send(row, null, shared.get(row));
            cellsRun++;
            if (response.status() != row.anonymous()) {
                mismatches.add(String.format("%-55s %-9s %-12s expected %d, got %s", row.endpoint(), "-", "no token",
                        row.anonymous(), response));
            }
        }
        permittedOnFreshFixtures.forEach(Runnable::run);
        System.out.printf("casetrail authorization matrix: %d rows, %d cells, %d mismatches%n", rows.size(), cellsRun,
                mismatches.size());
        assertThat(mismatches).as("cells of AuthorizationMatrix whose status differs (endpoint, group, role)").isEmpty();
    }

    private static boolean needsFreshFixture(Row row, int expected) {
        return expected >= 200 && expected < 300 && !row.repeatable() && !row.method().equals("GET");
    }

    private void cell(Row row, Group group, Role role, Caller caller, Map<String, String> ids) {
        Response response = send(row, token(caller), ids);
        cellsRun++;
        int expected = row.expected(group, role);
        if (response.status() != expected) {
            mismatches.add(String.format("%-55s %-9s %-12s expected %d, got %s", row.endpoint(), group, role, expected,
                    response));
        }
    }

    private Response send(Row row, String token, Map<String, String> fixtureIds) {
        Ids ids = new Ids() {
            @Override
            public String get(String name) {
                return fixtureIds.get(name);
            }

            @Override
            public int unique() {
                return unique.incrementAndGet();
            }
        };
        String path = row.path();
        for (Map.Entry<String, String> id : fixtureIds.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException(row.endpoint() + ": fixture " + row.fixture() + " has no value for " + path);
        }
        if (row.query() != null) {
            path = path + "?" + row.query().apply(ids);
        }
        return withinRateLimits(row.method(), path, token, row.body().apply(ids));
    }

    /**
     * The gateway's per-address and per-user limits are meant to stop exactly this many requests from one
     * place; a 429 is the limit, not a cell's answer, so it is waited out and the request sent again.
     */
    private Response withinRateLimits(String method, String path, String token, String body) {
        for (int attempt = 1; ; attempt++) {
            Response response = gateway.send(method, path, token, body);
            if (response.status() != 429 || attempt == 20) {
                return response;
            }
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
            WalkingSkeletonScenarios.sleep(Duration.ofSeconds(Math.min(Math.max(seconds, 1), 60)));
        }
    }

    // ---- fixtures -----------------------------------------------------------------------------

    private Map<String, String> build(Fixture fixture) {
        Map<String, String> ids = new HashMap<>();
        ids.put("topic", "casetrail.case.events.v1");
        ids.put("investigatorId", own(Role.INVESTIGATOR).userId());
        ids.put("governorId", own(Role.GOVERNOR).userId());
        ids.put("staffId", own(Role.STAFF).userId());
        Instant noticeGivenAt = Instant.now().minus(1, ChronoUnit.MINUTES);
        ids.put("hearingBody", json().put("scheduledFor", CaseJourneysIT.hearingAfterWorkingDays(noticeGivenAt, 2).toString())
                .put("noticeGivenAt", noticeGivenAt.toString()).put("decisionMakerId", own(Role.GOVERNOR).userId())
                .put("companionAllowed", true).toString());
        ids.put("hearingHeldBody", json().put("heldAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString())
                .put("notes", "held").toString());
        switch (fixture) {
            case NONE -> {
            }
            case DISCLOSURE -> ids.put("disclosureId", expect(201, "declare",
                    gateway.send("POST", "/api/v1/disclosures", token(own(Role.STAFF)), AuthorizationMatrix.DISCLOSURE_BODY))
                    .json().path("disclosureId").asText());
            case DISCLOSURE_DIGESTED -> {
                ids.put("disclosureId", expect(201, "declare", gateway.send("POST", "/api/v1/disclosures",
                        token(own(Role.STAFF)), AuthorizationMatrix.DISCLOSURE_BODY)).json().path("disclosureId").asText());
                expect(201, "record a disclosure digest",
                        gateway.send("POST", "/api/v1/audit/digests/disclosures", token(own(Role.AUDITOR)), null));
            }
            case NOTIFICATION -> ids.put("notificationId", firstNotificationOf(own(Role.STAFF)));
            case DIRECTORY_USER -> ids.put("userId",
                    createUser(adaToken, DEMO_SCHOOL, "mt." + unique.incrementAndGet(), Role.STAFF).userId());
            case POLICY_VERSION -> {
                String version = "mv-" + unique.incrementAndGet();
                expect(201, "publish policy version " + version, gateway.send("POST", "/api/v1/policy-versions",
                        token(own(Role.ADMIN)), json().put("version", version).put("title", "Matrix policy")
                                .put("text", "Be kind online").put("effectiveFrom", "2026-01-01").toString()));
                ids.put("version", version);
                awaitReadable("/api/v1/policy-versions/" + version + "/acknowledgements", own(Role.PRINCIPAL));
            }
            case CASE_DIGESTED -> {
                ids.put("caseId", caseIn(Fixture.CASE_REPORTED, ids));
                expect(201, "record a digest", gateway.send("POST", "/api/v1/audit/digests", token(own(Role.AUDITOR)), null));
            }
            default -> ids.put("caseId", caseIn(fixture, ids));
        }
        return ids;
    }

    /** A case taken to the fixture's state by the own-school callers, each step checked. */
    private String caseIn(Fixture fixture, Map<String, String> ids) {
        boolean abuse = fixture == Fixture.ABUSE_CASE_TRIAGED_SUPPORT;
        ObjectNode concern = json().put("category", abuse ? "ABUSE_OF_STAFF" : "STAFF_CONDUCT")
                .put("summary", "Matrix case").put("details", "Posted about a colleague")
                .put("occurredAt", "2026-01-05T20:00:00Z").put("safeguarding", !abuse);
        concern.putObject("subject").put("type", "STAFF").put("userId", subject.userId());
        String caseId = expect(201, "report", gateway.send("POST", "/api/v1/concerns", token(own(Role.STAFF)),
                concern.toString())).json().path("caseId").asText();
        String principal = token(own(Role.PRINCIPAL));
        String hr = token(own(Role.HR));
        switch (fixture) {
            case CASE_REPORTED -> {
                return caseId;
            }
            case CASE_TRIAGED_SAFEGUARDING -> {
                command(principal, caseId, "triage", triage("SAFEGUARDING"));
                return caseId;
            }
            case ABUSE_CASE_TRIAGED_SUPPORT -> {
                command(principal, caseId, "triage", triage("SUPPORT"));
                return caseId;
            }
            case CASE_TRIAGED_NO_FURTHER_ACTION -> {
                command(principal, caseId, "triage", triage("NO_FURTHER_ACTION"));
                return caseId;
            }
            case CASE_CLOSED -> {
                command(principal, caseId, "triage", triage("NO_FURTHER_ACTION"));
                command(principal, caseId, "close", json().put("rationale", "nothing to do").toString());
                return caseId;
            }
            default -> {
            }
        }
        command(principal, caseId, "triage", triage("INVESTIGATION"));
        if (fixture == Fixture.CASE_TRIAGED_INVESTIGATION) {
            return caseId;
        }
        command(principal, caseId, "investigator", json().put("investigatorId", ids.get("investigatorId")).toString());
        if (fixture == Fixture.CASE_INVESTIGATING) {
            return caseId;
        }
        ObjectNode findings = json().put("breachFound", true).put("grossMisconduct", true)
                .put("grossMisconductReason", "BULLYING_COLLEAGUES").put("summary", "a serious breach");
        findings.putArray("breachedClauses").add("P7.HARASSMENT");
        command(token(own(Role.INVESTIGATOR)), caseId, "findings", findings.toString());
        if (fixture == Fixture.CASE_FINDINGS) {
            return caseId;
        }
        command(hr, caseId, "hearing", ids.get("hearingBody"));
        if (fixture == Fixture.CASE_HEARING_SCHEDULED) {
            awaitCaseStatus(caseId, "HEARING_SCHEDULED");
            return caseId;
        }
        command(hr, caseId, "hearing/held", ids.get("hearingHeldBody"));
        if (fixture == Fixture.CASE_HEARING_HELD) {
            return caseId;
        }
        command(principal, caseId, "outcome", json().put("outcome", "FINAL_WRITTEN_WARNING")
                .put("rationale", "a serious breach").toString());
        if (fixture == Fixture.CASE_OUTCOME_DECIDED) {
            return caseId;
        }
        command(hr, caseId, "appeal", json().put("grounds", "too harsh").put("appealDeciderId", ids.get("governorId")).toString());
        if (fixture == Fixture.CASE_APPEAL_LODGED) {
            return caseId;
        }
        throw new IllegalStateException("no recipe for " + fixture);
    }

    private static String triage(String route) {
        return json().put("route", route).put("severity", "HIGH").put("rationale", "matrix").toString();
    }

    private void command(String token, String caseId, String command, String body) {
        expect(200, command, withinRateLimits("POST", "/api/v1/cases/" + caseId + "/" + command, token, body));
    }

    /** The detail read model follows the event store; GET cells need it caught up. */
    private void awaitCaseStatus(String caseId, String status) {
        Instant deadline = Instant.now().plus(READ_MODEL);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get("/api/v1/cases/" + caseId, token(own(Role.PRINCIPAL)));
            if (last.status() == 200 && status.equals(last.json().path("status").asText())) {
                return;
            }
            WalkingSkeletonScenarios.sleep(POLL);
        }
        throw new AssertionError("case " + caseId + " did not reach " + status + " in the read model: " + last);
    }

    /** A read model that follows the event store: GET cells need it caught up. */
    private void awaitReadable(String path, Caller reader) {
        Instant deadline = Instant.now().plus(READ_MODEL);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get(path, token(reader));
            if (last.status() == 200) {
                return;
            }
            WalkingSkeletonScenarios.sleep(POLL);
        }
        throw new AssertionError(path + " did not become readable by " + reader.username() + ": " + last);
    }

    private String firstNotificationOf(Caller recipient) {
        // every fixture case is reported by the own-school STAFF user, which makes their REPORT_RECEIVED receipt
        caseIn(Fixture.CASE_REPORTED, Map.of());
        Instant deadline = Instant.now().plus(NOTIFIED);
        while (Instant.now().isBefore(deadline)) {
            Response inbox = gateway.get("/api/v1/notifications", token(recipient));
            if (inbox.status() == 200 && !inbox.items().isEmpty()) {
                return inbox.items().get(0).path("notificationId").asText();
            }
            WalkingSkeletonScenarios.sleep(POLL);
        }
        throw new AssertionError(recipient.username() + " got no notification within " + NOTIFIED);
    }

    // ---- callers and tokens -------------------------------------------------------------------

    private Caller own(Role role) {
        return callers.get(Group.OWN).get(role);
    }

    private Caller createUser(String adminToken, String schoolId, String username, Role role) {
        ObjectNode body = json().put("username", username).put("displayName", username)
                .put("email", username + "@" + schoolId + ".example");
        body.putArray("roles").add(role.name());
        Response created = expect(201, "create " + username,
                gateway.send("POST", "/api/v1/directory/users", adminToken, body.toString()));
        return new Caller(created.json().path("userId").asText(), username, schoolId, role);
    }

    /** The subject, holding only {@code role} from now on (a directory change, as an admin makes it). */
    private Caller subjectAs(Role role) {
        if (role != subjectRole) {
            ObjectNode body = json();
            body.putArray("roles").add(role.name());
            expect(200, "subject's roles to " + role, gateway.send("PUT",
                    "/api/v1/directory/users/" + subject.userId() + "/roles", adminToken(), body.toString()));
            subjectRole = role;
        }
        return new Caller(subject.userId(), subject.username(), subject.schoolId(), role);
    }

    private String adminToken() {
        return adaToken;
    }

    /** What the school's identity provider would issue: the devstack's key, issuer and audience. */
    private String token(Caller caller) {
        ObjectNode header = json().put("alg", "RS256").put("typ", "JWT");
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = json().put("iss", DevstackDefaults.JWT_ISSUER).put("sub", caller.userId())
                .put("school", caller.schoolId()).put("preferred_username", caller.username())
                .put("name", caller.username()).put("iat", now).put("exp", now + 600)
                .put("jti", UUID.randomUUID().toString());
        claims.putArray("aud").add("casetrail");
        ArrayNode roles = claims.putArray("roles");
        roles.add(caller.role().name());
        String signingInput = base64Url(header.toString()) + "." + base64Url(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static RSAPrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static ObjectNode json() {
        return GatewayClient.JSON.createObjectNode();
    }

    private static Response expect(int status, String step, Response response) {
        if (response.status() != status) {
            throw new AssertionError("fixture step '" + step + "' expected " + status + ", got " + response);
        }
        return response;
    }
}
