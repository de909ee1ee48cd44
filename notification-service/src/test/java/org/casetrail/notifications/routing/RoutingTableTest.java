package org.casetrail.notifications.routing;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.AppealDecided;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.CaseClosed;
import org.casetrail.contracts.cases.CaseReopened;
import org.casetrail.contracts.cases.CaseResolution;
import org.casetrail.contracts.cases.CaseTriaged;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.cases.ConcernWithdrawn;
import org.casetrail.contracts.cases.HearingScheduled;
import org.casetrail.contracts.cases.InvestigationOverdue;
import org.casetrail.contracts.cases.InvestigatorAssigned;
import org.casetrail.contracts.cases.OutcomeDecided;
import org.casetrail.contracts.cases.PolicyQueryOverdue;
import org.casetrail.contracts.cases.SafeguardingEscalated;
import org.casetrail.contracts.cases.TriageOverdue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** domain.md's routing table, row by row, and the rule that the subject hears nothing before the notice. */
class RoutingTableTest {

    @Test
    void aSafeguardingConcernGoesUrgentlyToEveryDslAndThePrincipal() {
        assertThat(concernRoutes(CaseCategory.SAFEGUARDING, true)).containsExactly(
                row(NotificationType.CONCERN_REPORTED, Urgency.URGENT, Role.DSL, Role.PRINCIPAL),
                receipt());
    }

    @Test
    void aConductConcernGoesToThePrincipalAndHr() {
        assertThat(concernRoutes(CaseCategory.STAFF_CONDUCT, false)).containsExactly(
                row(NotificationType.CONCERN_REPORTED, Urgency.NORMAL, Role.PRINCIPAL, Role.HR),
                receipt());
    }

    @Test
    void aConductConcernWithASafeguardingAspectAlsoGoesUrgentlyToTheDsls() {
        assertThat(concernRoutes(CaseCategory.STAFF_CONDUCT, true)).containsExactly(
                row(NotificationType.CONCERN_REPORTED, Urgency.URGENT, Role.DSL, Role.PRINCIPAL),
                row(NotificationType.CONCERN_REPORTED, Urgency.NORMAL, Role.PRINCIPAL, Role.HR),
                receipt());
    }

    @Test
    void abuseOfStaffGoesToThePrincipal() {
        assertThat(concernRoutes(CaseCategory.ABUSE_OF_STAFF, false)).containsExactly(
                row(NotificationType.CONCERN_REPORTED, Urgency.NORMAL, Role.PRINCIPAL),
                receipt());
    }

    @Test
    void aPolicyQueryGoesToThePrincipal() {
        assertThat(concernRoutes(CaseCategory.POLICY_QUERY, false)).containsExactly(
                row(NotificationType.CONCERN_REPORTED, Urgency.NORMAL, Role.PRINCIPAL),
                receipt());
    }

    @Test
    void theReporterAlwaysGetsAStatusOnlyReceipt() {
        for (CaseCategory category : CaseCategory.values()) {
            assertThat(concernRoutes(category, category == CaseCategory.SAFEGUARDING)).endsWith(receipt());
        }
    }

    @Test
    void aTriagedCaseGoesToItsInvestigator() {
        assertThat(routes(TRIAGED)).containsExactly(
                describe(NotificationType.CASE_TRIAGED, Urgency.NORMAL, List.of(Audience.investigator())));
    }

    @Test
    void anAssignmentGoesToTheAssignedInvestigator() {
        assertThat(routes(ASSIGNED)).containsExactly(
                describe(NotificationType.INVESTIGATOR_ASSIGNED, Urgency.NORMAL, List.of(Audience.investigator())));
        assertThat(RoutingTable.partiesOf(ASSIGNED).orElseThrow().investigatorId()).isEqualTo("investigator");
    }

    @Test
    void aScheduledHearingIsTheSubjectsWrittenNoticeAndGoesToHr() {
        assertThat(routes(HEARING)).containsExactly(
                describe(NotificationType.HEARING_NOTICE, Urgency.NORMAL, List.of(Audience.subject())),
                row(NotificationType.HEARING_SCHEDULED, Urgency.NORMAL, Role.HR));
    }

    @Test
    void anOutcomeGoesToTheSubjectAndHr() {
        assertThat(routes(OUTCOME)).containsExactly(describe(NotificationType.OUTCOME_DECIDED, Urgency.NORMAL,
                List.of(Audience.subject(), Audience.holdersOf(Role.HR))));
    }

    @Test
    void anAppealDecisionGoesToTheSubjectAndHrAndClosesTheReportForTheReporter() {
        assertThat(routes(APPEAL)).containsExactly(
                describe(NotificationType.APPEAL_DECIDED, Urgency.NORMAL,
                        List.of(Audience.subject(), Audience.holdersOf(Role.HR))),
                closedReceipt());
    }

    @Test
    void aClosedOrWithdrawnCaseTellsOnlyTheReporterThatItIsClosed() {
        assertThat(routes(CLOSED)).containsExactly(closedReceipt());
        assertThat(routes(WITHDRAWN)).containsExactly(closedReceipt());
    }

    @Test
    void aReopenedCaseTellsOnlyTheReporterThatItIsOpenAgain() {
        assertThat(routes(REOPENED)).containsExactly(
                describe(NotificationType.REPORT_REOPENED, Urgency.NORMAL, List.of(Audience.reporter())));
    }

    @Test
    void noRowAddressesTheSubjectBeforeTheHearingNotice() {
        for (RoutingTable.Route route : RoutingTable.ROUTES) {
            if (!RoutingTable.SUBJECT_MAY_BE_TOLD.contains(route.on())) {
                assertThat(route.audience()).as(route.description()).doesNotContain(Audience.subject());
            }
        }
        for (IntegrationEvent event : List.of(concern(CaseCategory.STAFF_CONDUCT, true), TRIAGED, ASSIGNED, CLOSED,
                WITHDRAWN, REOPENED)) {
            assertThat(RoutingTable.partiesOf(event).orElseThrow().subjectMayBeTold()).as(event.toString()).isFalse();
            assertThat(RoutingTable.routesFor(event)).as(event.toString())
                    .allSatisfy(route -> assertThat(route.audience()).doesNotContain(Audience.subject()));
        }
    }

    @Test
    void fromTheHearingNoticeOnTheSubjectMayBeTold() {
        for (IntegrationEvent event : List.of(HEARING, OUTCOME, APPEAL)) {
            assertThat(RoutingTable.partiesOf(event).orElseThrow().subjectMayBeTold()).as(event.toString()).isTrue();
            assertThat(RoutingTable.partiesOf(event).orElseThrow().subjectUserId()).isEqualTo("subject");
        }
    }

    @Test
    void everyRoutedEventNamesItsCaseAndReference() {
        for (IntegrationEvent event : List.of(concern(CaseCategory.SAFEGUARDING, true), TRIAGED, ASSIGNED, HEARING,
                OUTCOME, APPEAL, CLOSED, WITHDRAWN, REOPENED)) {
            CaseParties parties = RoutingTable.partiesOf(event).orElseThrow();
            assertThat(parties.caseId()).isEqualTo("c-1");
            assertThat(parties.reference()).isEqualTo(REF);
        }
    }

    @Test
    void anEscalatedSafeguardingAcknowledgementGoesUrgentlyToThePrincipalAndEveryDsl() {
        assertThat(routes(ESCALATED)).containsExactly(
                row(NotificationType.SAFEGUARDING_ESCALATED, Urgency.URGENT, Role.PRINCIPAL, Role.DSL));
    }

    @Test
    void anOverdueTriageGoesUrgentlyToThePrincipal() {
        assertThat(routes(TRIAGE_OVERDUE)).containsExactly(
                row(NotificationType.TRIAGE_OVERDUE, Urgency.URGENT, Role.PRINCIPAL));
    }

    @Test
    void anOverduePolicyQueryGoesUrgentlyToThePrincipal() {
        assertThat(routes(QUERY_OVERDUE)).containsExactly(
                row(NotificationType.POLICY_QUERY_OVERDUE, Urgency.URGENT, Role.PRINCIPAL));
    }

    @Test
    void anOverdueInvestigationGoesUrgentlyToThePrincipalAndHr() {
        assertThat(routes(INVESTIGATION_OVERDUE)).containsExactly(
                row(NotificationType.INVESTIGATION_OVERDUE, Urgency.URGENT, Role.PRINCIPAL, Role.HR));
        assertThat(RoutingTable.partiesOf(INVESTIGATION_OVERDUE).orElseThrow().investigatorId())
                .isEqualTo("investigator");
    }

    @Test
    void deadlineEventsNeverAddressTheSubjectAndNameTheSubjectToKeepOut() {
        for (IntegrationEvent event : List.of(ESCALATED, TRIAGE_OVERDUE, QUERY_OVERDUE, INVESTIGATION_OVERDUE)) {
            CaseParties parties = RoutingTable.partiesOf(event).orElseThrow();
            assertThat(parties.subjectMayBeTold()).as(event.toString()).isFalse();
            assertThat(parties.subjectUserId()).as(event.toString()).isEqualTo("subject");
            assertThat(parties.caseId()).isEqualTo("c-1");
            assertThat(parties.reference()).isEqualTo(REF);
            assertThat(RoutingTable.routesFor(event)).as(event.toString()).isNotEmpty()
                    .allSatisfy(route -> {
                        assertThat(route.audience()).doesNotContain(Audience.subject());
                        assertThat(route.urgency()).isEqualTo(Urgency.URGENT);
                        assertThat(route.audience()).contains(Audience.holdersOf(Role.PRINCIPAL));
                    });
        }
    }

    private static final String REF = "CT-2026-000001";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final CaseTriaged TRIAGED = new CaseTriaged("c-1", REF, CaseCategory.STAFF_CONDUCT, false, null,
            "subject", AT);
    private static final InvestigatorAssigned ASSIGNED = new InvestigatorAssigned("c-1", REF, CaseCategory.STAFF_CONDUCT,
            false, "investigator", "subject", AT);
    private static final HearingScheduled HEARING = new HearingScheduled("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "subject", "investigator", "principal", AT, AT, true);
    private static final OutcomeDecided OUTCOME = new OutcomeDecided("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "subject", "principal", AT, AT);
    private static final AppealDecided APPEAL = new AppealDecided("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "subject", "reporter", "governor", AT);
    private static final CaseClosed CLOSED = new CaseClosed("c-1", REF, CaseCategory.STAFF_CONDUCT, false, "reporter",
            "subject", CaseResolution.NO_CASE_TO_ANSWER, AT);
    private static final ConcernWithdrawn WITHDRAWN = new ConcernWithdrawn("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "reporter", "subject", AT);
    private static final CaseReopened REOPENED = new CaseReopened("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "reporter", "subject", "investigator", AT);

    private static final SafeguardingEscalated ESCALATED = new SafeguardingEscalated("c-1", REF,
            CaseCategory.STAFF_CONDUCT, true, 1, "subject", AT, AT);
    private static final TriageOverdue TRIAGE_OVERDUE = new TriageOverdue("c-1", REF, CaseCategory.STAFF_CONDUCT, false,
            "subject", AT, AT);
    private static final PolicyQueryOverdue QUERY_OVERDUE = new PolicyQueryOverdue("c-1", REF,
            CaseCategory.POLICY_QUERY, false, "subject", AT, AT);
    private static final InvestigationOverdue INVESTIGATION_OVERDUE = new InvestigationOverdue("c-1", REF,
            CaseCategory.STAFF_CONDUCT, false, "investigator", "subject", AT, AT);

    private static List<String> routes(IntegrationEvent event) {
        return RoutingTable.routesFor(event).stream()
                .map(r -> describe(r.type(), r.urgency(), r.audience()))
                .toList();
    }

    private static ConcernReported concern(CaseCategory category, boolean safeguarding) {
        return new ConcernReported("c-1", REF, category, safeguarding, "reporter", "subject", AT);
    }

    private static String closedReceipt() {
        return describe(NotificationType.REPORT_CLOSED, Urgency.NORMAL, List.of(Audience.reporter()));
    }

    private static List<String> concernRoutes(CaseCategory category, boolean safeguarding) {
        ConcernReported concern = new ConcernReported("c-1", "CT-2026-000001", category, safeguarding, "reporter", null,
                Instant.parse("2026-11-25T10:00:00Z"));
        return RoutingTable.routesFor(concern).stream()
                .map(r -> describe(r.type(), r.urgency(), r.audience()))
                .toList();
    }

    private static String row(NotificationType type, Urgency urgency, Role... roles) {
        return describe(type, urgency, Stream.of(roles).map(Audience::holdersOf).toList());
    }

    private static String receipt() {
        return describe(NotificationType.REPORT_RECEIVED, Urgency.NORMAL, List.of(Audience.reporter()));
    }

    private static String describe(NotificationType type, Urgency urgency, List<Audience> audience) {
        return type + "/" + urgency + " → " + audience;
    }
}
