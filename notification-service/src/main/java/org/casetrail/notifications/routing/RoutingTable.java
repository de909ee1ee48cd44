package org.casetrail.notifications.routing;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;

import java.util.List;
import java.util.function.Predicate;

/**
 * domain.md's routing table as data, one row per line of that table, so it can be read against the
 * design and tested row by row. Recipients are resolved by role within the school elsewhere; the
 * subject of a case is never among them. Several rows may match one concern (a conduct concern with
 * a safeguarding aspect reaches the DSLs, the Principal and HR); a person matched twice gets one entry,
 * the first row's, because inbox ids derive from event, person and type.
 */
public final class RoutingTable {

    /** One row: for a concern matching {@code when}, tell {@code audience} with this type and urgency. */
    public record Route(String description, Predicate<ConcernReported> when, List<Audience> audience,
                        NotificationType type, Urgency urgency) {
    }

    public static final List<Route> CONCERN_REPORTED = List.of(
            new Route("concern reported, SAFEGUARDING or safeguarding = true → all DSLs and the Principal, urgent (P6)",
                    ConcernReported::safeguarding,
                    List.of(Audience.holdersOf(Role.DSL), Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.URGENT),
            new Route("concern reported, STAFF_CONDUCT → Principal and HR (P4)",
                    c -> c.category() == CaseCategory.STAFF_CONDUCT,
                    List.of(Audience.holdersOf(Role.PRINCIPAL), Audience.holdersOf(Role.HR)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            new Route("concern reported, ABUSE_OF_STAFF → Principal (P14)",
                    c -> c.category() == CaseCategory.ABUSE_OF_STAFF,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            // domain.md's table has no row for policy queries; P3 sends them to a supervisor to be
            // resolved swiftly, and the Principal triages every case, so the Principal is told.
            new Route("concern reported, POLICY_QUERY → Principal (P3)",
                    c -> c.category() == CaseCategory.POLICY_QUERY,
                    List.of(Audience.holdersOf(Role.PRINCIPAL)),
                    NotificationType.CONCERN_REPORTED, Urgency.NORMAL),
            new Route("report received → the reporter, status only",
                    c -> true,
                    List.of(Audience.reporter()),
                    NotificationType.REPORT_RECEIVED, Urgency.NORMAL));

    private RoutingTable() {
    }

    public static List<Route> routesFor(ConcernReported concern) {
        return CONCERN_REPORTED.stream().filter(route -> route.when().test(concern)).toList();
    }
}
