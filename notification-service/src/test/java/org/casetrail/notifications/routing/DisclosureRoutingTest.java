package org.casetrail.notifications.routing;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.disclosures.ApproachesRepeated;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureAwaitingReview;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureFlagged;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationDue;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationOverdue;
import org.casetrail.contracts.disclosures.DisclosureReevaluated;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.PolicyAcknowledgementDue;
import org.casetrail.contracts.disclosures.PolicyVersionPublished;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure topic's rows, one by one, and the flagged disclosure announced once. */
class DisclosureRoutingTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-12-31");

    @Test
    void aDisclosureAwaitingReviewGoesToThePrincipal() {
        DisclosureAwaitingReview event = new DisclosureAwaitingReview("d-1", 1, "declarer", CounterpartType.EX_STUDENT,
                DisclosureDecision.values()[0], DisclosureRule.values()[0], "P8", AT);
        assertThat(routes(event)).containsExactly(row(NotificationType.DISCLOSURE_AWAITING_REVIEW, Urgency.NORMAL,
                Role.PRINCIPAL));
        assertDisclosure(event, "d-1", null);
    }

    @Test
    void aReevaluatedDisclosureGoesToThePrincipal() {
        DisclosureReevaluated event = new DisclosureReevaluated("d-1", 2, "declarer", CounterpartType.STUDENT,
                DisclosureDecision.values()[0], DisclosureDecision.values()[0], DisclosureRule.values()[0],
                "COUNTERPART_TURNED_18", DUE, AT);
        assertThat(routes(event)).containsExactly(row(NotificationType.DISCLOSURE_REEVALUATED, Urgency.NORMAL,
                Role.PRINCIPAL));
        assertDisclosure(event, "d-1", null);
    }

    @Test
    void aReconfirmationDueGoesToTheDeclarer() {
        DisclosureReconfirmationDue event = new DisclosureReconfirmationDue("d-1", "declarer", DUE, 1, AT);
        assertThat(routes(event)).containsExactly(describe(NotificationType.DISCLOSURE_RECONFIRMATION_DUE,
                Urgency.NORMAL, List.of(Audience.addressee())));
        assertDisclosure(event, "d-1", "declarer");
    }

    @Test
    void anOverdueReconfirmationGoesUrgentlyToThePrincipal() {
        DisclosureReconfirmationOverdue event = new DisclosureReconfirmationOverdue("d-1", "declarer", DUE, AT);
        assertThat(routes(event)).containsExactly(row(NotificationType.DISCLOSURE_RECONFIRMATION_OVERDUE,
                Urgency.URGENT, Role.PRINCIPAL));
        assertDisclosure(event, "d-1", null);
    }

    @Test
    void repeatedApproachesGoUrgentlyToEveryDslWithTheApproachAsReference() {
        ApproachesRepeated event = new ApproachesRepeated("a-1", "staff", CounterpartType.STUDENT, 3, 30, AT, AT);
        assertThat(routes(event)).containsExactly(row(NotificationType.APPROACHES_REPEATED, Urgency.URGENT, Role.DSL));
        CaseParties parties = RoutingTable.partiesOf(event).orElseThrow();
        assertThat(parties.reference()).isEqualTo("a-1");
        assertThat(parties.caseId()).isNull();
    }

    @Test
    void aPublishedPolicyVersionGoesToEveryStaffMember() {
        PolicyVersionPublished event = new PolicyVersionPublished("2026.2", "Social media policy", DUE, AT);
        assertThat(routes(event)).containsExactly(row(NotificationType.POLICY_VERSION_PUBLISHED, Urgency.NORMAL,
                Role.STAFF));
        assertThat(RoutingTable.partiesOf(event).orElseThrow().reference()).isEqualTo("2026.2");
    }

    @Test
    void aPolicyAcknowledgementReminderGoesToThatStaffMember() {
        PolicyAcknowledgementDue event = new PolicyAcknowledgementDue("2026.2", "staff", 1, AT);
        assertThat(routes(event)).containsExactly(describe(NotificationType.POLICY_ACKNOWLEDGEMENT_DUE, Urgency.NORMAL,
                List.of(Audience.addressee())));
        assertThat(RoutingTable.partiesOf(event).orElseThrow().addresseeId()).isEqualTo("staff");
    }

    /**
     * A flag reaches notification-service twice over: case-service stores a ConcernReported (reported
     * by the system) for the conduct case it opens, then CaseOpenedFromDisclosure. One notification is
     * right: the urgent DISCLOSURE_FLAGGED to the Principal and HR, not a normal CONCERN_REPORTED too.
     */
    @Test
    void aFlaggedDisclosureIsAnnouncedOnceUrgentlyNotAlsoAsANormalConcern() {
        ConcernReported reportedBySystem = new ConcernReported("c-1", "CT-2026-000001", CaseCategory.STAFF_CONDUCT,
                false, "system:disclosures", "declarer", AT);
        assertThat(RoutingTable.routesFor(reportedBySystem)).extracting(RoutingTable.Route::type)
                .containsExactly(NotificationType.REPORT_RECEIVED); // to a system reporter: nobody (RecipientsTest)
        assertThat(routes(new CaseOpenedFromDisclosure("c-1", "CT-2026-000001", "d-1", 1, "P8", "declarer", AT)))
                .containsExactly(row(NotificationType.DISCLOSURE_FLAGGED, Urgency.URGENT, Role.PRINCIPAL, Role.HR));
        // A person's conduct concern is still routed to the Principal and HR.
        ConcernReported byAPerson = new ConcernReported("c-2", "CT-2026-000002", CaseCategory.STAFF_CONDUCT, false,
                "reporter", "subject", AT);
        assertThat(RoutingTable.routesFor(byAPerson)).extracting(RoutingTable.Route::type)
                .containsExactly(NotificationType.CONCERN_REPORTED, NotificationType.REPORT_RECEIVED);
    }

    @Test
    void disclosureServicesOwnFlagHasNoRowOfItsOwn() {
        assertThat(RoutingTable.ROUTES).noneMatch(route -> route.on() == DisclosureFlagged.class);
    }

    private static void assertDisclosure(IntegrationEvent event, String disclosureId, String addressee) {
        CaseParties parties = RoutingTable.partiesOf(event).orElseThrow();
        assertThat(parties.disclosureId()).isEqualTo(disclosureId);
        assertThat(parties.addresseeId()).isEqualTo(addressee);
        assertThat(parties.caseId()).isNull();
        assertThat(parties.subjectUserId()).isNull();
    }

    private static List<String> routes(IntegrationEvent event) {
        return RoutingTable.routesFor(event).stream().map(r -> describe(r.type(), r.urgency(), r.audience())).toList();
    }

    private static String row(NotificationType type, Urgency urgency, Role... roles) {
        return describe(type, urgency, Stream.of(roles).map(Audience::holdersOf).toList());
    }

    private static String describe(NotificationType type, Urgency urgency, List<Audience> audience) {
        return type + "/" + urgency + " → " + audience;
    }
}
