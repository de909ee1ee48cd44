package org.casetrail.notifications.routing;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** domain.md's routing table, row by row, for reported concerns. */
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
