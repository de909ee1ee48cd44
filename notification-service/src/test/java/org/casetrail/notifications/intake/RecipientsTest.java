package org.casetrail.notifications.intake;

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
import org.casetrail.contracts.cases.InvestigatorAssigned;
import org.casetrail.contracts.cases.OutcomeDecided;
import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.directory.DirectoryCopy.DirectoryEntry;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.RoutingTable;
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

/** Routing rows become people; the subject is reached only as the subject, and only from the notice on. */
class RecipientsTest {

    private static final String SCHOOL = "school-1";
    private static final String SUBJECT = "subject";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private final DirectoryCopy directory = mock(DirectoryCopy.class);
    private final Recipients recipients = new Recipients(directory);

    @BeforeEach
    void theSubjectHoldsEveryRole() {
        when(directory.holdersOf(eq(SCHOOL), any(Role.class))).thenAnswer(call -> List.of(
                entry(SUBJECT), entry("holder-of-" + call.getArgument(1, Role.class).name())));
    }

    @Test
    void theSubjectIsNeverReachedBeforeTheHearingNoticeWhateverRoleOrPartTheyHave() {
        // The subject named as reporter and investigator too: no row before the notice may reach them.
        List<IntegrationEvent> preHearing = List.of(
                new ConcernReported("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, true, SUBJECT, SUBJECT, AT),
                new CaseTriaged("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, SUBJECT, AT),
                new InvestigatorAssigned("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, SUBJECT, AT),
                new CaseClosed("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, SUBJECT,
                        CaseResolution.NO_CASE_TO_ANSWER, AT),
                new ConcernWithdrawn("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, SUBJECT, AT),
                new CaseReopened("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, SUBJECT, SUBJECT, AT));
        for (IntegrationEvent event : preHearing) {
            CaseParties parties = RoutingTable.partiesOf(event).orElseThrow();
            for (RoutingTable.Route route : RoutingTable.routesFor(event)) {
                assertThat(recipients.of(route, SCHOOL, parties)).as(route.description()).doesNotContain(SUBJECT);
            }
        }
    }

    @Test
    void theHearingNoticeReachesTheSubjectAloneAndHrWithoutTheSubject() {
        HearingScheduled hearing = new HearingScheduled("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT,
                "investigator", "principal", AT, AT, true);
        CaseParties parties = RoutingTable.partiesOf(hearing).orElseThrow();

        assertThat(RoutingTable.routesFor(hearing)).extracting(RoutingTable.Route::type)
                .containsExactly(NotificationType.HEARING_NOTICE, NotificationType.HEARING_SCHEDULED);
        assertThat(recipients.of(RoutingTable.routesFor(hearing).get(0), SCHOOL, parties)).containsExactly(SUBJECT);
        assertThat(recipients.of(RoutingTable.routesFor(hearing).get(1), SCHOOL, parties))
                .containsExactly("holder-of-HR");
    }

    @Test
    void outcomeAndAppealReachTheSubjectOnceAndHr() {
        OutcomeDecided outcome = new OutcomeDecided("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT,
                "principal", AT, AT);
        AppealDecided appeal = new AppealDecided("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false, SUBJECT, "reporter",
                "governor", AT);

        assertThat(recipients.of(RoutingTable.routesFor(outcome).get(0), SCHOOL,
                RoutingTable.partiesOf(outcome).orElseThrow())).containsExactlyInAnyOrder("holder-of-HR", SUBJECT);
        List<RoutingTable.Route> appealRoutes = RoutingTable.routesFor(appeal);
        CaseParties appealParties = RoutingTable.partiesOf(appeal).orElseThrow();
        assertThat(recipients.of(appealRoutes.get(0), SCHOOL, appealParties))
                .containsExactlyInAnyOrder("holder-of-HR", SUBJECT);
        assertThat(recipients.of(appealRoutes.get(1), SCHOOL, appealParties)).isEqualTo(Set.of("reporter"));
    }

    @Test
    void anAssignmentReachesTheInvestigatorTheEventNames() {
        InvestigatorAssigned assigned = new InvestigatorAssigned("c-1", "CT-1", CaseCategory.STAFF_CONDUCT, false,
                "investigator", SUBJECT, AT);

        assertThat(recipients.of(RoutingTable.routesFor(assigned).get(0), SCHOOL,
                RoutingTable.partiesOf(assigned).orElseThrow())).containsExactly("investigator");
    }

    private static DirectoryEntry entry(String id) {
        return new DirectoryEntry(id, SCHOOL, id, id + "@example.org", Set.of(Role.STAFF), true, 1);
    }
}
