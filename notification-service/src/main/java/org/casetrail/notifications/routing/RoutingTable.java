package org.casetrail.notifications.routing;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.AppealDecided;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.CaseClosed;
import org.casetrail.contracts.cases.CaseReopened;
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
import org.casetrail.contracts.disclosures.ApproachesRepeated;
import org.casetrail.contracts.disclosures.DisclosureAwaitingReview;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationDue;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationOverdue;
import org.casetrail.contracts.disclosures.DisclosureReevaluated;
import org.casetrail.contracts.disclosures.PolicyAcknowledgementDue;
import org.casetrail.contracts.disclosures.PolicyVersionPublished;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * domain.md's routing table as data, one row per line of that table, so it can be read against the
 * design and tested row by row. Role holders are resolved within the school elsewhere, and the people
 * a case event names (reporter, investigator, subject) are taken from the event. Several rows may
 * match one event (a conduct concern with a safeguarding aspect reaches the DSLs, the Principal and
 * HR); a person matched twice by rows of one type gets one entry, the first row's, because inbox ids
 * derive from event, person and type.
 *
 * <p>The subject of a case is never reached through a role they hold or a part they play, and is
 * addressed as the subject only by the hearing notice and the events after it
 * ({@link #SUBJECT_MAY_BE_TOLD}); a row addressing the subject on any other event is refused when
 * this class loads.
 *
 * <p>Deadlines (domain.md: "any deadline overdue or escalated → Principal (and the role named by the
 * deadline), urgent"): one row per deadline event, each naming the roles its deadline names.
 *
 * <p>Disclosures: the disclosure topic's events have rows of their own (review, re-evaluation,
 * re-confirmation, repeated approaches, policy versions). A flagged disclosure is routed once, from
 * case-service's CaseOpenedFromDisclosure (urgent, Principal and HR): the ConcernReported that
 * case-service stores for the conduct case it opens is reported by the system, and the concern rows
 * skip a concern the system reported, so the Principal and HR do not get a second, normal,
 * CONCERN_REPORTED for the same flag.
 */
public final class RoutingTable {

    /** One row: for an event of type {@code on} matching {@code when}, tell {@code audience}. */
    public record Route(String description, Class<? extends IntegrationEvent> on, Predicate<IntegrationEvent> when,
                        List<Audience> audience, NotificationType type, Urgency urgency) {

        public boolean matches(IntegrationEvent event) {
            return on.isInstance(event) && when.test(event);
        }
    }

    /** The events that may reach the subject: the written hearing notice, and what follows it. */
    public static final Set<Class<? extends IntegrationEvent>> SUBJECT_MAY_BE_TOLD =
            Set.of(HearingScheduled.class, OutcomeDecided.class, AppealDecided.class);

    public static final List<Route> ROUTES = List.of(
            row("concern reported, SAFEGUARDING or safeguarding = true → all DSLs and the Principal, urgent (P6)",
                    ConcernReported.class, ConcernReported::safeguarding,
                    List.of(Audience.holdersOf(Role.DSL), Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.URGENT),
            row("concern reported, STAFF_CONDUCT (by a person; a flagged disclosure has its own row) → Principal and HR (P4)",
                    ConcernReported.class, c -> c.category() == CaseCategory.STAFF_CONDUCT && !reportedBySystem(c),
                    List.of(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.HR)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            row("concern reported, ABUSE_OF_STAFF → Principal (P14)",
                    ConcernReported.class, c -> c.category() == CaseCategory.ABUSE_OF_STAFF,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            // domain.md's table has no row for policy queries; P3 sends them to a supervisor to be
            // resolved swiftly, and the Principal triages every case, so the Principal is told.
            row("concern reported, POLICY_QUERY → Principal (P3)",
                    ConcernReported.class, c -> c.category() == CaseCategory.POLICY_QUERY,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            // case-service opens the conduct case from the flag and says so on the case topic; the
            // declarer is the case's subject and is kept out like any subject.
            row("disclosure flagged → Principal and HR, urgent (P8, P10)",
                    org.casetrail.contracts.cases.CaseOpenedFromDisclosure.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.HR)),
                    NotificationType.DISCLOSURE_FLAGGED, Urgency.URGENT),
            row("report received → the reporter, status only",
                    ConcernReported.class, c -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_RECEIVED, Urgency.NORMAL),
            // At a first triage nobody is assigned yet, so this row usually reaches nobody; after a
            // reopening the case keeps its investigator, who learns that it was triaged again.
            row("case triaged → the assigned investigator",
                    CaseTriaged.class, e -> true,
                    List.of(Audience.investigator()),
                    NotificationType.CASE_TRIAGED, Urgency.NORMAL),
            row("investigator assigned → the assigned investigator",
                    InvestigatorAssigned.class, e -> true,
                    List.of(Audience.investigator()),
                    NotificationType.INVESTIGATOR_ASSIGNED, Urgency.NORMAL),
            row("hearing scheduled → the subject (the written notice)",
                    HearingScheduled.class, e -> true,
                    List.of(Audience.subject()),
                    NotificationType.HEARING_NOTICE, Urgency.NORMAL),
            row("hearing scheduled → HR",
                    HearingScheduled.class, e -> true,
                    List.of(Audience.holdersOf(Role.HR)),
                    NotificationType.HEARING_SCHEDULED, Urgency.NORMAL),
            row("outcome decided → the subject and HR",
                    OutcomeDecided.class, e -> true,
                    List.of(Audience.subject(), Audience.holdersOf(Role.HR)),
                    NotificationType.OUTCOME_DECIDED, Urgency.NORMAL),
            row("appeal decided → the subject and HR",
                    AppealDecided.class, e -> true,
                    List.of(Audience.subject(), Audience.holdersOf(Role.HR)),
                    NotificationType.APPEAL_DECIDED, Urgency.NORMAL),
            // An appeal decision closes the case; there is no separate closing event for it.
            row("report closed (appeal decided) → the reporter, status only",
                    AppealDecided.class, e -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_CLOSED, Urgency.NORMAL),
            row("report closed → the reporter, status only",
                    CaseClosed.class, e -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_CLOSED, Urgency.NORMAL),
            row("report closed (withdrawn) → the reporter, status only",
                    ConcernWithdrawn.class, e -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_CLOSED, Urgency.NORMAL),
            // Not in domain.md's table: a reporter told "closed" would otherwise never learn the case
            // is open again. Status only, like the receipt and the closing.
            row("report reopened → the reporter, status only",
                    CaseReopened.class, e -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_REOPENED, Urgency.NORMAL),
            // Deadlines: any overdue or escalated deadline → Principal (and the deadline's role), urgent.
            row("safeguarding acknowledgement escalated → the Principal and all DSLs, urgent (P6)",
                    SafeguardingEscalated.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.DSL)),
                    NotificationType.SAFEGUARDING_ESCALATED, Urgency.URGENT),
            row("triage overdue → the Principal, urgent",
                    TriageOverdue.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.TRIAGE_OVERDUE, Urgency.URGENT),
            row("policy query overdue → the Principal, urgent (P3)",
                    PolicyQueryOverdue.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.POLICY_QUERY_OVERDUE, Urgency.URGENT),
            row("investigation overdue → the Principal and HR, urgent (P4)",
                    InvestigationOverdue.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.HR)),
                    NotificationType.INVESTIGATION_OVERDUE, Urgency.URGENT),
            // The disclosure topic (disclosure-service). The declarer is never addressed by the Principal's rows.
            row("disclosure awaiting review (PERMITTED_TRANSPARENT) → the Principal (P8, P10)",
                    DisclosureAwaitingReview.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.DISCLOSURE_AWAITING_REVIEW, Urgency.NORMAL),
            row("disclosure re-evaluated → the Principal",
                    DisclosureReevaluated.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.DISCLOSURE_REEVALUATED, Urgency.NORMAL),
            row("disclosure re-confirmation due → the declarer",
                    DisclosureReconfirmationDue.class, e -> true,
                    List.of(Audience.addressee()),
                    NotificationType.DISCLOSURE_RECONFIRMATION_DUE, Urgency.NORMAL),
            row("disclosure re-confirmation overdue → the Principal, urgent",
                    DisclosureReconfirmationOverdue.class, e -> true,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.DISCLOSURE_RECONFIRMATION_OVERDUE, Urgency.URGENT),
            row("repeated approaches → all DSLs, urgent (a possible safeguarding signal)",
                    ApproachesRepeated.class, e -> true,
                    List.of(Audience.holdersOf(Role.DSL)),
                    NotificationType.APPROACHES_REPEATED, Urgency.URGENT),
            row("policy version published → every STAFF holder (P2)",
                    PolicyVersionPublished.class, e -> true,
                    List.of(Audience.holdersOf(Role.STAFF)),
                    NotificationType.POLICY_VERSION_PUBLISHED, Urgency.NORMAL),
            row("policy acknowledgement due → that staff member (P2)",
                    PolicyAcknowledgementDue.class, e -> true,
                    List.of(Audience.addressee()),
                    NotificationType.POLICY_ACKNOWLEDGEMENT_DUE, Urgency.NORMAL));

    static {
        for (Route route : ROUTES) {
            if (route.audience().contains(Audience.subject()) && !SUBJECT_MAY_BE_TOLD.contains(route.on())) {
                throw new IllegalStateException("'" + route.description()
                        + "' addresses the subject before the hearing notice");
            }
        }
    }

    private RoutingTable() {
    }

    public static List<Route> routesFor(IntegrationEvent event) {
        return ROUTES.stream().filter(route -> route.matches(event)).toList();
    }

    /** The case and people a case event names, or empty for an event that is not about a case. */
    public static Optional<CaseParties> partiesOf(IntegrationEvent event) {
        boolean told = SUBJECT_MAY_BE_TOLD.contains(event.getClass());
        if (event instanceof ConcernReported e) {
            return parties(e.caseId(), e.reference(), e.reporterId(), e.subjectUserId(), null, told);
        }
        if (event instanceof org.casetrail.contracts.cases.CaseOpenedFromDisclosure e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), null, told);
        }
        if (event instanceof CaseTriaged e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), e.investigatorId(), told);
        }
        if (event instanceof InvestigatorAssigned e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), e.investigatorId(), told);
        }
        if (event instanceof HearingScheduled e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), e.investigatorId(), told);
        }
        if (event instanceof OutcomeDecided e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), null, told);
        }
        if (event instanceof AppealDecided e) {
            return parties(e.caseId(), e.reference(), e.reporterId(), e.subjectUserId(), null, told);
        }
        if (event instanceof CaseClosed e) {
            return parties(e.caseId(), e.reference(), e.reporterId(), e.subjectUserId(), null, told);
        }
        if (event instanceof ConcernWithdrawn e) {
            return parties(e.caseId(), e.reference(), e.reporterId(), e.subjectUserId(), null, told);
        }
        if (event instanceof CaseReopened e) {
            return parties(e.caseId(), e.reference(), e.reporterId(), e.subjectUserId(), e.investigatorId(), told);
        }
        if (event instanceof SafeguardingEscalated e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), null, told);
        }
        if (event instanceof TriageOverdue e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), null, told);
        }
        if (event instanceof PolicyQueryOverdue e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), null, told);
        }
        if (event instanceof InvestigationOverdue e) {
            return parties(e.caseId(), e.reference(), null, e.subjectUserId(), e.investigatorId(), told);
        }
        return disclosurePartiesOf(event);
    }

    /** Disclosure-topic events name a disclosure (or a policy version, or an approach), never a case. */
    private static Optional<CaseParties> disclosurePartiesOf(IntegrationEvent event) {
        if (event instanceof DisclosureAwaitingReview e) {
            return Optional.of(CaseParties.ofDisclosure(e.disclosureId(), null, null));
        }
        if (event instanceof DisclosureReevaluated e) {
            return Optional.of(CaseParties.ofDisclosure(e.disclosureId(), null, null));
        }
        if (event instanceof DisclosureReconfirmationDue e) {
            return Optional.of(CaseParties.ofDisclosure(e.disclosureId(), null, e.declarerId()));
        }
        if (event instanceof DisclosureReconfirmationOverdue e) {
            return Optional.of(CaseParties.ofDisclosure(e.disclosureId(), null, null));
        }
        if (event instanceof ApproachesRepeated e) {
            // The approach record's id is the reference the DSL looks up; never the counterpart.
            return Optional.of(CaseParties.ofDisclosure(null, e.approachId(), null));
        }
        if (event instanceof PolicyVersionPublished e) {
            return Optional.of(CaseParties.ofDisclosure(null, e.version(), null));
        }
        if (event instanceof PolicyAcknowledgementDue e) {
            return Optional.of(CaseParties.ofDisclosure(null, e.version(), e.userId()));
        }
        return Optional.empty();
    }

    /**
     * A concern the system reported (case-service opening a conduct case from a flagged disclosure,
     * reporter {@code system:disclosures}) is announced by its own row, not as a concern.
     */
    static boolean reportedBySystem(ConcernReported concern) {
        return concern.reporterId() != null && concern.reporterId().startsWith("system:");
    }

    private static Optional<CaseParties> parties(String caseId, String reference, String reporterId,
                                                 String subjectUserId, String investigatorId, boolean subjectMayBeTold) {
        return Optional.of(new CaseParties(caseId, reference, reporterId, subjectUserId, investigatorId,
                subjectMayBeTold));
    }

    private static <E extends IntegrationEvent> Route row(String description, Class<E> on, Predicate<? super E> when,
                                                          List<Audience> audience, NotificationType type,
                                                          Urgency urgency) {
        return new Route(description, on, event -> when.test(on.cast(event)), audience, type, urgency);
    }
}
