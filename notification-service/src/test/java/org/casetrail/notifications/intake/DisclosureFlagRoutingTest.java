package org.casetrail.notifications.intake;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.directory.DirectoryCopy.DirectoryEntry;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.notifications.routing.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** domain.md's row "disclosure flagged → Principal and HR, urgent", and the declarer (the subject) hears nothing. */
class DisclosureFlagRoutingTest {

    private static final String SCHOOL = "school-1";
    private static final String DECLARER = "declarer";
    private static final CaseOpenedFromDisclosure OPENED = new CaseOpenedFromDisclosure("c-1", "CT-2026-000001",
            "d-1", 1, "P8", DECLARER, Instant.parse("2026-11-25T10:00:00Z"));

    private final DirectoryCopy directory = mock(DirectoryCopy.class);
    private final Recipients recipients = new Recipients(directory);

    @BeforeEach
    void theDeclarerHoldsEveryRole() {
        when(directory.holdersOf(eq(SCHOOL), any(Role.class))).thenAnswer(call -> List.of(
                entry(DECLARER), entry("holder-of-" + call.getArgument(1, Role.class).name())));
    }

    @Test
    void aFlaggedDisclosureGoesUrgentlyToThePrincipalAndHr() {
        List<RoutingTable.Route> routes = RoutingTable.routesFor(OPENED);
        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).type()).isEqualTo(NotificationType.DISCLOSURE_FLAGGED);
        assertThat(routes.get(0).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(routes.get(0).audience())
                .containsExactly(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.HR));
    }

    @Test
    void theDeclarerIsTheSubjectAndIsNeverToldWhateverRolesTheyHold() {
        CaseParties parties = RoutingTable.partiesOf(OPENED).orElseThrow();
        assertThat(parties.caseId()).isEqualTo("c-1");
        assertThat(parties.reference()).isEqualTo("CT-2026-000001");
        assertThat(parties.subjectUserId()).isEqualTo(DECLARER);
        assertThat(parties.subjectMayBeTold()).isFalse();
        assertThat(recipients.of(RoutingTable.routesFor(OPENED).get(0), SCHOOL, parties))
                .containsExactlyInAnyOrder("holder-of-PRINCIPAL", "holder-of-HR");
    }

    @Test
    void theSystemThatReportedTheCaseGetsNoReceipt() {
        org.casetrail.contracts.cases.ConcernReported reported = new org.casetrail.contracts.cases.ConcernReported(
                "c-1", "CT-2026-000001", org.casetrail.contracts.cases.CaseCategory.STAFF_CONDUCT, false,
                "system:disclosures", DECLARER, Instant.parse("2026-11-25T10:00:00Z"));
        CaseParties parties = RoutingTable.partiesOf(reported).orElseThrow();
        RoutingTable.Route receipt = RoutingTable.routesFor(reported).stream()
                .filter(route -> route.type() == NotificationType.REPORT_RECEIVED).findFirst().orElseThrow();
        assertThat(recipients.of(receipt, SCHOOL, parties)).isEmpty();
    }

    private static DirectoryEntry entry(String id) {
        return new DirectoryEntry(id, SCHOOL, id, id + "@example.org", Set.of(Role.STAFF), true, 1);
    }
}
