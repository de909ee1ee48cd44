package org.casetrail.systemtests;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * THE authorization matrix (issue 6, point 5; architecture.md: "every endpoint is covered by an
 * authorization test for every role, the subject-of-a-case exclusion, and cross-school access"): one
 * row per endpoint, the exact status of every cell. {@link AuthorizationMatrixIT} runs it through the
 * gateway on the devstack and fails when an endpoint of any service's OpenAPI document has no row.
 *
 * <p>Columns of every cell group, always in this order: {@code STAFF DSL PRINCIPAL HR INVESTIGATOR
 * GOVERNOR AUDITOR ADMIN}. Each caller holds exactly that one role. The four groups:
 * <ul>
 *   <li><b>own</b> — a user of the object's school whom the object names where the role implies a
 *       relationship: STAFF is the reporter of every case, the declarer of the disclosure and the
 *       recipient of the notification; INVESTIGATOR is the case's assigned investigator (from
 *       INVESTIGATING on); GOVERNOR is the named hearing decision maker and appeal decider (from
 *       HEARING_SCHEDULED on). The other roles have no relationship to name.</li>
 *   <li><b>bystander</b> — another user of the same school with the same role, named by nothing.</li>
 *   <li><b>other</b> — a user of the other school (created through that school's admin).</li>
 *   <li><b>subject</b> — the subject of the case holding that role (their roles are switched through the
 *       directory between groups). For rows without a case the subject is simply another user of the
 *       school, so the group equals bystander.</li>
 * </ul>
 * Reading a status: 403 = the role may not use the endpoint at all (checked before the object is
 * looked at, so it reveals nothing); 404 = the role may, but not on this object (another school's, a
 * case the caller may not see or may see but not act on in this way, someone else's disclosure or
 * notification) — the answer does not tell which; 2xx = allowed. The fixture names the state the object is put in first, so that a
 * permitted cell is allowed by the state machine and a cell's status is about authorization only.
 *
 * <p>Adding an endpoint: add its row to {@link #ROWS} (method and path exactly as its OpenAPI document
 * has them); if it needs an object in a state no {@link Fixture} makes yet, add the fixture here and its
 * recipe to {@code AuthorizationMatrixIT#build}. Mark it {@code repeatable} only if sending it twice on
 * one object succeeds twice. A query string is not part of an OpenAPI path: give it with
 * {@link Row#withQuery}, and the path stays exactly the document's.
 */
final class AuthorizationMatrix {

    private AuthorizationMatrix() {
    }

    enum Role { STAFF, DSL, PRINCIPAL, HR, INVESTIGATOR, GOVERNOR, AUDITOR, ADMIN }

    enum Group { OWN, BYSTANDER, OTHER, SUBJECT }

    /**
     * The object a row acts on, in the state its permitted cells need. All cases are STAFF_CONDUCT
     * with {@code safeguarding = true} (so the DSL, HR and the Principal each have a claim to them)
     * reported by the own-school STAFF user about the subject, unless said otherwise.
     */
    enum Fixture {
        NONE("no object: the caller's own school, inbox or reports"),
        CASE_REPORTED("a case just reported"),
        CASE_TRIAGED_SAFEGUARDING("triaged by the Principal to the SAFEGUARDING route, so a referral can be recorded"),
        ABUSE_CASE_TRIAGED_SUPPORT("an ABUSE_OF_STAFF case (no safeguarding) triaged to SUPPORT, so support can be offered"),
        CASE_TRIAGED_INVESTIGATION("triaged to INVESTIGATION, so an investigator can be assigned"),
        CASE_INVESTIGATING("the own-school investigator assigned: INVESTIGATING"),
        CASE_FINDINGS("findings recorded: breach of P7.HARASSMENT, gross misconduct"),
        CASE_HEARING_SCHEDULED("hearing scheduled with 2 working days' notice, the governor named decision maker"),
        CASE_HEARING_HELD("the hearing held, so an outcome can be decided"),
        CASE_OUTCOME_DECIDED("FINAL_WRITTEN_WARNING decided by the Principal; the appeal window is open"),
        CASE_APPEAL_LODGED("appeal lodged by HR for the subject, the governor named appeal decider"),
        CASE_TRIAGED_NO_FURTHER_ACTION("triaged NO_FURTHER_ACTION, so it can be closed"),
        CASE_CLOSED("closed after NO_FURTHER_ACTION, so it can be reopened"),
        CASE_DIGESTED("a case just reported, then a digest of the own school recorded by its AUDITOR, so the case has a proof"),
        DISCLOSURE("a PARENT / FAMILY_FRIEND disclosure of the own-school STAFF user: PERMITTED_TRANSPARENT, awaiting review"),
        DISCLOSURE_DIGESTED("a DISCLOSURE, then a digest of the own school's disclosure-service chains recorded by its"
                + " AUDITOR, so the disclosure has a proof"),
        NOTIFICATION("the own-school STAFF user's first notification (their REPORT_RECEIVED receipt)"),
        DIRECTORY_USER("a STAFF user of the own school created for the row"),
        POLICY_VERSION("a policy version published in the own school by its ADMIN (the other school has no such version)");

        final String state;

        Fixture(String state) {
            this.state = state;
        }
    }

    /** The ids a fixture made, by the path variable names of the OpenAPI documents. */
    interface Ids {
        String get(String pathVariable);

        /** A fresh number per call, for bodies that must differ (usernames). */
        int unique();
    }

    /**
     * @param repeatable a permitted request may be sent again on the same object with the same result
     *                   (it adds, it does not move the state); otherwise every permitted cell gets a
     *                   fresh fixture
     * @param query      the query string (without {@code ?}) sent with every cell, or null
     */
    record Row(String method, String path, Fixture fixture, Function<Ids, String> body, boolean repeatable,
               Map<Group, int[]> expected, int anonymous, String why, Function<Ids, String> query) {

        /** The same row, sent with a query string the endpoint requires (the path stays the OpenAPI path). */
        Row withQuery(Function<Ids, String> query) {
            return new Row(method, path, fixture, body, repeatable, expected, anonymous, why, query);
        }

        String endpoint() {
            return method + " " + path;
        }

        int expected(Group group, Role role) {
            return expected.get(group)[role.ordinal()];
        }
    }

    // ---- request bodies --------------------------------------------------------------------------

    static final String CONCERN = """
            {"category":"STAFF_CONDUCT","summary":"Matrix concern","details":"Posted about a colleague",
             "occurredAt":"2026-01-05T20:00:00Z"}""";
    static final String DISCLOSURE_BODY = """
            {"counterpartType":"PARENT","counterpartName":"A Parent","basis":"FAMILY_FRIEND",
             "platforms":["Facebook"],"description":"We were friends before their child joined"}""";
    static final String APPROACH = """
            {"counterpartType":"STUDENT","counterpartName":"S","platform":"Instagram","occurredAt":"2026-01-10T20:00:00Z",
             "response":"I replied that I cannot connect with students","retainedCommunicationRef":"mail-1",
             "reportedToSeniorLeader":true}""";

    private static Function<Ids, String> body(String json) {
        return ids -> json;
    }

    private static final Function<Ids, String> NO_BODY = ids -> null;

    /** A past the fixture has already reached: the moment the cell is sent. */
    private static final Function<Ids, String> AS_OF_NOW = ids -> "asOf=" + java.time.Instant.now();

    // ---- the table -------------------------------------------------------------------------------
    //                              STAFF DSL PRINCIPAL HR INVESTIGATOR GOVERNOR AUDITOR ADMIN
    private static final String ALL_200 = "200 200 200 200 200 200 200 200";
    private static final String ALL_404 = "404 404 404 404 404 404 404 404";
    private static final String ONLY_STAFF_200 = "200 403 403 403 403 403 403 403";
    private static final String ONLY_STAFF_201 = "201 403 403 403 403 403 403 403";
    private static final String ONLY_PRINCIPAL_200 = "403 403 200 403 403 403 403 403";
    private static final String ONLY_AUDITOR_200 = "403 403 403 403 403 403 200 403";
    private static final String ONLY_AUDITOR_404 = "403 403 403 403 403 403 404 403";
    private static final String AUDITOR_PRINCIPAL_200 = "403 403 200 403 403 403 200 403";
    private static final String AUDITOR_PRINCIPAL_404 = "403 403 404 403 403 403 404 403";
    private static final String ONLY_STAFF_404 = "404 403 403 403 403 403 403 403";
    private static final String ONLY_HR_200 = "403 403 403 200 403 403 403 403";

    static final List<Row> ROWS = List.of(
            // ---- gateway: authentication and directory ----
            row("POST /auth/token", Fixture.NONE, body("{\"username\":\"sam.staff\",\"password\":\"demo\"}"), true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 200,
                    "public (embedded profile only): credentials decide, a bearer token is irrelevant"),
            row("GET /api/v1/me", Fixture.NONE, NO_BODY, true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 401, "any user, about themselves"),
            row("GET /api/v1/directory/users", Fixture.NONE, NO_BODY, true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 401, "any user; the caller's own school only"),
            row("POST /api/v1/directory/users", Fixture.NONE,
                    ids -> "{\"username\":\"mz." + ids.unique() + "\",\"displayName\":\"Matrix Made\","
                            + "\"email\":\"mz" + ids.unique() + "@school.example\",\"roles\":[\"STAFF\"]}", true,
                    "403 403 403 403 403 403 403 201", "403 403 403 403 403 403 403 201",
                    "403 403 403 403 403 403 403 201", "403 403 403 403 403 403 403 201", 401,
                    "ADMIN, into the admin's own school (the other school's admin adds to theirs)"),
            row("PUT /api/v1/directory/users/{userId}/roles", Fixture.DIRECTORY_USER, body("{\"roles\":[\"STAFF\"]}"), true,
                    "403 403 403 403 403 403 403 200", "403 403 403 403 403 403 403 200",
                    "403 403 403 403 403 403 403 404", "403 403 403 403 403 403 403 200", 401,
                    "ADMIN of the user's school"),
            row("DELETE /api/v1/directory/users/{userId}", Fixture.DIRECTORY_USER, NO_BODY, false,
                    "403 403 403 403 403 403 403 204", "403 403 403 403 403 403 403 204",
                    "403 403 403 403 403 403 403 404", "403 403 403 403 403 403 403 204", 401,
                    "ADMIN of the user's school; deactivates"),

            // ---- case-service: reporting ----
            row("POST /api/v1/concerns", Fixture.NONE, body(CONCERN), true,
                    ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, 401,
                    "STAFF report into their own school"),
            row("GET /api/v1/concerns/mine", Fixture.NONE, NO_BODY, true,
                    ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, 401, "STAFF, their own reports"),

            // ---- case-service: reviewing ----
            row("GET /api/v1/cases", Fixture.NONE, NO_BODY, true,
                    "403 200 200 200 200 200 403 403", "403 200 200 200 200 200 403 403",
                    "403 200 200 200 200 200 403 403", "403 200 200 200 200 200 403 403", 401,
                    "the reviewing roles; each list holds only what the caller may see"),
            row("GET /api/v1/cases/{caseId}", Fixture.CASE_HEARING_SCHEDULED, NO_BODY, true,
                    "403 200 200 200 200 200 403 403", "403 200 200 200 404 404 403 403",
                    "403 404 404 404 404 404 403 403", "403 404 404 404 404 404 403 403", 401,
                    "PRINCIPAL; DSL (safeguarding); HR (conduct); investigator and decider only when named; never the subject"),
            row("GET /api/v1/statistics", Fixture.NONE, NO_BODY, true,
                    ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, 401,
                    "PRINCIPAL, their own school's counts"),

            // ---- case-service: the lifecycle ----
            row("POST /api/v1/cases/{caseId}/acknowledge", Fixture.CASE_REPORTED, body("{\"note\":\"seen\"}"), false,
                    "403 200 403 403 403 403 403 403", "403 200 403 403 403 403 403 403",
                    "403 404 403 403 403 403 403 403", "403 404 403 403 403 403 403 403", 401,
                    "DSL, safeguarding cases"),
            row("POST /api/v1/cases/{caseId}/triage", Fixture.CASE_REPORTED,
                    body("{\"route\":\"INVESTIGATION\",\"severity\":\"HIGH\",\"rationale\":\"needs looking into\"}"), false,
                    "403 200 200 403 403 403 403 403", "403 200 200 403 403 403 403 403",
                    "403 404 404 403 403 403 403 403", "403 404 404 403 403 403 403 403", 401,
                    "PRINCIPAL; DSL on safeguarding cases"),
            row("POST /api/v1/cases/{caseId}/referral", Fixture.CASE_TRIAGED_SAFEGUARDING,
                    body("{\"agency\":\"LADO\",\"decision\":\"REFERRED\",\"rationale\":\"threshold met\"}"), false,
                    "403 200 403 403 403 403 403 403", "403 200 403 403 403 403 403 403",
                    "403 404 403 403 403 403 403 403", "403 404 403 403 403 403 403 403", 401, "DSL"),
            row("POST /api/v1/cases/{caseId}/support", Fixture.ABUSE_CASE_TRIAGED_SUPPORT,
                    body("{\"offeredTo\":\"the member of staff\",\"description\":\"counselling\"}"), false,
                    "403 403 200 200 403 403 403 403", "403 403 200 200 403 403 403 403",
                    "403 403 404 404 403 403 403 403", "403 403 404 404 403 403 403 403", 401, "PRINCIPAL, HR"),
            row("POST /api/v1/cases/{caseId}/investigator", Fixture.CASE_TRIAGED_INVESTIGATION,
                    ids -> "{\"investigatorId\":\"" + ids.get("investigatorId") + "\"}", false,
                    "403 403 200 200 403 403 403 403", "403 403 200 200 403 403 403 403",
                    "403 403 404 404 403 403 403 403", "403 403 404 404 403 403 403 403", 401, "PRINCIPAL, HR"),
            row("POST /api/v1/cases/{caseId}/suspension", Fixture.CASE_INVESTIGATING,
                    body("{\"reason\":\"precaution\",\"from\":\"2026-01-12\"}"), false,
                    "403 403 200 200 403 403 403 403", "403 403 200 200 403 403 403 403",
                    "403 403 404 404 403 403 403 403", "403 403 404 404 403 403 403 403", 401, "PRINCIPAL, HR"),
            row("POST /api/v1/cases/{caseId}/evidence", Fixture.CASE_INVESTIGATING,
                    body("{\"kind\":\"SCREENSHOT\",\"description\":\"the post\"}"), true,
                    "403 403 403 201 201 403 403 403", "403 403 403 201 404 403 403 403",
                    "403 403 403 404 404 403 403 403", "403 403 403 404 404 403 403 403", 401,
                    "the assigned investigator, HR"),
            row("POST /api/v1/cases/{caseId}/interviews", Fixture.CASE_INVESTIGATING,
                    body("{\"intervieweeName\":\"A witness\",\"heldAt\":\"2026-01-06T10:00:00Z\",\"summary\":\"saw it\"}"), true,
                    "403 403 403 201 201 403 403 403", "403 403 403 201 404 403 403 403",
                    "403 403 403 404 404 403 403 403", "403 403 403 404 404 403 403 403", 401,
                    "the assigned investigator, HR"),
            row("POST /api/v1/cases/{caseId}/findings", Fixture.CASE_INVESTIGATING,
                    body("{\"breachFound\":true,\"breachedClauses\":[\"P7.HARASSMENT\"],\"grossMisconduct\":false,"
                            + "\"summary\":\"a breach\"}"), false,
                    "403 403 403 200 200 403 403 403", "403 403 403 200 404 403 403 403",
                    "403 403 403 404 404 403 403 403", "403 403 403 404 404 403 403 403", 401,
                    "the assigned investigator, HR"),
            row("POST /api/v1/cases/{caseId}/informal-action", Fixture.CASE_FINDINGS,
                    body("{\"action\":\"TRAINING\",\"description\":\"a course\"}"), false,
                    "403 403 200 200 403 403 403 403", "403 403 200 200 403 403 403 403",
                    "403 403 404 404 403 403 403 403", "403 403 404 404 403 403 403 403", 401, "HR, PRINCIPAL"),
            row("POST /api/v1/cases/{caseId}/hearing", Fixture.CASE_FINDINGS, ids -> ids.get("hearingBody"), false,
                    "403 403 403 200 403 403 403 403", "403 403 403 200 403 403 403 403",
                    "403 403 403 404 403 403 403 403", "403 403 403 404 403 403 403 403", 401, "HR"),
            row("POST /api/v1/cases/{caseId}/hearing/held", Fixture.CASE_HEARING_SCHEDULED,
                    ids -> ids.get("hearingHeldBody"), false,
                    "403 403 200 200 403 403 403 403", "403 403 200 200 403 403 403 403",
                    "403 403 404 404 403 403 403 403", "403 403 404 404 403 403 403 403", 401, "HR, PRINCIPAL"),
            row("POST /api/v1/cases/{caseId}/outcome", Fixture.CASE_HEARING_HELD,
                    body("{\"outcome\":\"FIRST_WRITTEN_WARNING\",\"rationale\":\"a first breach\"}"), false,
                    // STAFF passes the role check (a named decision maker may hold only STAFF); HR sees the case
                    // but is not the decider: for both, this case is not theirs to act on (404)
                    "404 403 200 404 403 200 403 403", "404 403 200 404 403 404 403 403",
                    "404 403 404 404 403 404 403 403", "404 403 404 404 403 404 403 403", 401,
                    "PRINCIPAL, or the named decision maker"),
            row("POST /api/v1/cases/{caseId}/appeal", Fixture.CASE_OUTCOME_DECIDED,
                    ids -> "{\"grounds\":\"too harsh\",\"appealDeciderId\":\"" + ids.get("governorId") + "\"}", false,
                    "404 403 403 200 403 403 403 403", "404 403 403 200 403 403 403 403",
                    "404 403 403 404 403 403 403 403", "200 403 403 200 403 403 403 403", 401,
                    "the subject (who never sees the case yet may appeal), HR on their behalf"),
            row("POST /api/v1/cases/{caseId}/appeal/decision", Fixture.CASE_APPEAL_LODGED,
                    body("{\"decision\":\"UPHELD\",\"rationale\":\"fair\"}"), false,
                    // the Principal sees the case but is not the named appeal decider: not theirs to act on (404)
                    "403 403 404 403 403 200 403 403", "403 403 404 403 403 404 403 403",
                    "403 403 404 403 403 404 403 403", "403 403 404 403 403 404 403 403", 401,
                    "the named appeal decider (PRINCIPAL or GOVERNOR)"),
            row("POST /api/v1/cases/{caseId}/close", Fixture.CASE_TRIAGED_NO_FURTHER_ACTION,
                    body("{\"rationale\":\"nothing to do\"}"), false,
                    "403 200 200 403 403 403 403 403", "403 200 200 403 403 403 403 403",
                    "403 404 404 403 403 403 403 403", "403 404 404 403 403 403 403 403", 401,
                    "PRINCIPAL; DSL on safeguarding cases"),
            row("POST /api/v1/cases/{caseId}/reopen", Fixture.CASE_CLOSED, body("{\"reason\":\"new evidence\"}"), false,
                    ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200,
                    "403 403 404 403 403 403 403 403", "403 403 404 403 403 403 403 403", 401, "PRINCIPAL"),
            row("POST /api/v1/cases/{caseId}/withdraw", Fixture.CASE_REPORTED, body("{\"reason\":\"resolved\"}"), false,
                    ONLY_STAFF_200, "404 403 403 403 403 403 403 403",
                    "404 403 403 403 403 403 403 403", "404 403 403 403 403 403 403 403", 401,
                    "the reporter; to any other staff member the case does not exist"),
            row("POST /api/v1/cases/{caseId}/notes", Fixture.CASE_HEARING_SCHEDULED, body("{\"text\":\"a note\"}"), true,
                    "403 201 201 201 201 201 403 403", "403 201 201 201 404 404 403 403",
                    "403 404 404 404 404 404 403 403", "403 404 404 404 404 404 403 403", 401,
                    "whoever may work on the case"),

            // ---- case-service: audit (docs/audit.md, "Who can read what"); the subject never, another school's: 404 ----
            row("GET /api/v1/cases/{caseId}/history", Fixture.CASE_REPORTED, NO_BODY, true,
                    "403 403 200 200 403 403 200 403", "403 403 200 200 403 403 200 403",
                    "403 403 404 404 403 403 404 403", "403 403 404 404 403 403 404 403", 401,
                    "AUDITOR of the school; PRINCIPAL and HR per CaseAccess (a conduct case: both); never the subject"),
            row("GET /api/v1/cases/{caseId}/state", Fixture.CASE_REPORTED, NO_BODY, true,
                    AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_404, AUDITOR_PRINCIPAL_404, 401,
                    "AUDITOR, PRINCIPAL of the school (?asOf= required); never the subject").withQuery(AS_OF_NOW),
            row("GET /api/v1/cases/{caseId}/verify", Fixture.CASE_REPORTED, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_404, ONLY_AUDITOR_404, 401,
                    "AUDITOR of the school; never the subject"),
            row("GET /api/v1/cases/{caseId}/export", Fixture.CASE_REPORTED, NO_BODY, true,
                    AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_404, AUDITOR_PRINCIPAL_404, 401,
                    "AUDITOR, PRINCIPAL of the school (the export carries the history); never the subject"),
            row("GET /api/v1/cases/{caseId}/digest-proof", Fixture.CASE_DIGESTED, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_404, ONLY_AUDITOR_404, 401,
                    "AUDITOR of the school, against the school's latest digest; never the subject"),
            row("POST /api/v1/audit/digests", Fixture.NONE, NO_BODY, true,
                    "403 403 403 403 403 403 201 201", "403 403 403 403 403 403 201 201",
                    "403 403 403 403 403 403 201 201", "403 403 403 403 403 403 201 201", 401,
                    "AUDITOR, ADMIN: a digest of the caller's own school"),
            row("GET /api/v1/audit/access-log", Fixture.NONE, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_200, 401,
                    "AUDITOR: the reads of cases by the auditor's own school"),

            // ---- disclosure-service ----
            row("POST /api/v1/disclosures", Fixture.NONE, body(DISCLOSURE_BODY), true,
                    ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, 401, "STAFF"),
            row("GET /api/v1/disclosures/mine", Fixture.NONE, NO_BODY, true,
                    ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, 401, "STAFF, their own"),
            row("GET /api/v1/disclosures", Fixture.NONE, NO_BODY, true,
                    ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, 401,
                    "PRINCIPAL, their school's"),
            row("POST /api/v1/disclosures/{disclosureId}/review", Fixture.DISCLOSURE,
                    body("{\"result\":\"ACKNOWLEDGED\",\"rationale\":\"open and transparent\"}"), false,
                    ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200,
                    "403 403 404 403 403 403 403 403", ONLY_PRINCIPAL_200, 401, "a PRINCIPAL of the declarer's school"),
            row("POST /api/v1/disclosures/{disclosureId}/withdraw", Fixture.DISCLOSURE, body("{\"reason\":\"ended\"}"), false,
                    ONLY_STAFF_200, "404 403 403 403 403 403 403 403",
                    "404 403 403 403 403 403 403 403", "404 403 403 403 403 403 403 403", 401, "the declarer"),
            row("POST /api/v1/disclosures/{disclosureId}/amend", Fixture.DISCLOSURE, body(DISCLOSURE_BODY), false,
                    ONLY_STAFF_200, "404 403 403 403 403 403 403 403",
                    "404 403 403 403 403 403 403 403", "404 403 403 403 403 403 403 403", 401, "the declarer"),
            row("POST /api/v1/disclosures/{disclosureId}/reconfirm", Fixture.DISCLOSURE, NO_BODY, true,
                    ONLY_STAFF_200, ONLY_STAFF_404, ONLY_STAFF_404, ONLY_STAFF_404, 401,
                    "the declarer, yearly; again only moves the next due day"),
            // audit (docs/audit.md): the school's AUDITOR and PRINCIPAL, never the declarer (the own STAFF user,
            // whose role forbids it anyway); the subject group is another user of the school
            row("GET /api/v1/disclosures/{disclosureId}/history", Fixture.DISCLOSURE, NO_BODY, true,
                    AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_404, AUDITOR_PRINCIPAL_200, 401,
                    "AUDITOR, PRINCIPAL of the declarer's school"),
            row("GET /api/v1/disclosures/{disclosureId}/state", Fixture.DISCLOSURE, NO_BODY, true,
                    AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_200, AUDITOR_PRINCIPAL_404, AUDITOR_PRINCIPAL_200, 401,
                    "AUDITOR, PRINCIPAL of the declarer's school (?asOf= required)").withQuery(AS_OF_NOW),
            row("GET /api/v1/disclosures/{disclosureId}/verify", Fixture.DISCLOSURE, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_404, ONLY_AUDITOR_200, 401,
                    "AUDITOR of the declarer's school"),
            row("GET /api/v1/disclosures/{disclosureId}/digest-proof", Fixture.DISCLOSURE_DIGESTED, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_404, ONLY_AUDITOR_200, 401,
                    "AUDITOR of the declarer's school, against the school's latest disclosure-service digest"),
            row("POST /api/v1/audit/digests/disclosures", Fixture.NONE, NO_BODY, true,
                    "403 403 403 403 403 403 201 201", "403 403 403 403 403 403 201 201",
                    "403 403 403 403 403 403 201 201", "403 403 403 403 403 403 201 201", 401,
                    "AUDITOR, ADMIN: a digest of the caller's own school's disclosure-service chains"),
            row("GET /api/v1/audit/access-log/disclosures", Fixture.NONE, NO_BODY, true,
                    ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_200, ONLY_AUDITOR_200, 401,
                    "AUDITOR: the reads of disclosures by the auditor's own school"),
            row("POST /api/v1/policy-versions", Fixture.NONE,
                    ids -> "{\"version\":\"mx-" + ids.unique() + "\",\"title\":\"Matrix policy\",\"text\":\"Be kind online\","
                            + "\"effectiveFrom\":\"2026-01-01\"}", true,
                    "403 403 403 403 403 403 403 201", "403 403 403 403 403 403 403 201",
                    "403 403 403 403 403 403 403 201", "403 403 403 403 403 403 403 201", 401,
                    "ADMIN, into the admin's own school (a fresh version each time: a version published again is 409)"),
            row("POST /api/v1/policy-versions/{version}/acknowledgements", Fixture.POLICY_VERSION, body("{}"), true,
                    ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_404, ONLY_STAFF_200, 401,
                    "STAFF of the version's school, themselves (idempotent); another school's version does not exist"),
            row("GET /api/v1/policy-versions/{version}/acknowledgements", Fixture.POLICY_VERSION, NO_BODY, true,
                    ONLY_PRINCIPAL_200, ONLY_PRINCIPAL_200, "403 403 404 403 403 403 403 403", ONLY_PRINCIPAL_200, 401,
                    "PRINCIPAL of the version's school"),
            row("POST /api/v1/policy-versions/{version}/training-completions", Fixture.POLICY_VERSION,
                    ids -> "{\"userId\":\"" + ids.get("staffId") + "\",\"completedOn\":\"2026-01-05\"}", true,
                    // the other school's HR names a trainee who is no staff member of their school: 422 on userId
                    // (checked before the version, and saying nothing about the demo school)
                    ONLY_HR_200, ONLY_HR_200, "403 403 403 422 403 403 403 403", ONLY_HR_200, 401,
                    "HR of the version's school, for a staff member of it (idempotent)"),
            row("POST /api/v1/approaches", Fixture.NONE, body(APPROACH), true,
                    ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, ONLY_STAFF_201, 401, "STAFF"),
            row("GET /api/v1/approaches/mine", Fixture.NONE, NO_BODY, true,
                    ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, ONLY_STAFF_200, 401, "STAFF, their own"),

            // ---- notification-service ----
            row("GET /api/v1/notifications", Fixture.NONE, NO_BODY, true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 401, "any user, their own inbox"),
            row("POST /api/v1/notifications/{notificationId}/read", Fixture.NOTIFICATION, NO_BODY, true,
                    "200 404 404 404 404 404 404 404", ALL_404, ALL_404, ALL_404, 401, "the recipient"),
            row("POST /api/v1/notifications/{notificationId}/acknowledge", Fixture.NOTIFICATION, NO_BODY, true,
                    "200 404 404 404 404 404 404 404", ALL_404, ALL_404, ALL_404, 401, "the recipient"),

            row("GET /api/v1/notifications/deliveries", Fixture.CASE_REPORTED, NO_BODY, true,
                    "403 403 200 403 403 403 200 403", "403 403 200 403 403 403 200 403",
                    "403 403 200 403 403 403 200 403", "403 403 200 403 403 403 200 403", 401,
                    "AUDITOR, PRINCIPAL (?caseId= required); another school's case or the caller's own case as its"
                            + " subject: an empty list, as the case lists answer").withQuery(ids -> "caseId=" + ids.get("caseId")),
            row("GET /api/v1/notifications/preferences", Fixture.NONE, NO_BODY, true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 401, "any user, their own"),
            row("PUT /api/v1/notifications/preferences", Fixture.NONE, body("{\"normalItems\":\"EMAIL\"}"), true,
                    ALL_200, ALL_200, ALL_200, ALL_200, 401, "any user, their own"),

            // ---- operations: every service has them; the gateway does not route /api/v1/admin/** ----
            row("POST /api/v1/admin/read-models/rebuild", Fixture.NONE, NO_BODY, true,
                    ALL_404, ALL_404, ALL_404, ALL_404, 401,
                    "not routed by the gateway: ADMIN calls the service's port on the internal network (runbook)"),
            row("GET /api/v1/admin/read-models/rebuild", Fixture.NONE, NO_BODY, true,
                    ALL_404, ALL_404, ALL_404, ALL_404, 401, "not routed by the gateway (as above)"),
            row("POST /api/v1/admin/dead-letters/{topic}/replay", Fixture.NONE, NO_BODY, true,
                    ALL_404, ALL_404, ALL_404, ALL_404, 401, "not routed by the gateway (as above)"));

    private static Row row(String endpoint, Fixture fixture, Function<Ids, String> body, boolean repeatable,
                           String own, String bystander, String other, String subject, int anonymous, String why) {
        String[] methodAndPath = endpoint.split(" ", 2);
        Map<Group, int[]> expected = new EnumMap<>(Group.class);
        expected.put(Group.OWN, statuses(endpoint, own));
        expected.put(Group.BYSTANDER, statuses(endpoint, bystander));
        expected.put(Group.OTHER, statuses(endpoint, other));
        expected.put(Group.SUBJECT, statuses(endpoint, subject));
        return new Row(methodAndPath[0], methodAndPath[1], fixture, body, repeatable, expected, anonymous, why, null);
    }

    private static int[] statuses(String endpoint, String cells) {
        int[] statuses = Arrays.stream(cells.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (statuses.length != Role.values().length) {
            throw new IllegalArgumentException(endpoint + ": " + statuses.length + " cells, one per role expected: " + cells);
        }
        return statuses;
    }
}
