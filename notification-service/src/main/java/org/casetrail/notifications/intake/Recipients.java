package org.casetrail.notifications.intake;

import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Turns a routing row into people of the school, never including the concern's subject. */
@Component
class Recipients {

    private final DirectoryCopy directory;

    Recipients(DirectoryCopy directory) {
        this.directory = directory;
    }

    /**
     * The people a route reaches. Throws when an urgent route finds nobody at all in the school: a
     * safeguarding concern that reaches no one must be loud (usually the directory copy is still
     * catching up, and the retry fixes it). A route emptied only by leaving out the subject is fine.
     */
    Set<String> of(RoutingTable.Route route, String schoolId, ConcernReported concern) {
        Set<String> people = everyoneOn(route, schoolId, concern);
        if (people.isEmpty() && route.urgency() == Urgency.URGENT) {
            throw new RecipientsUnresolved("nobody to tell for '" + route.description() + "' in school " + schoolId
                    + " (case " + concern.caseId() + ")");
        }
        people.remove(concern.subjectUserId());
        return people;
    }

    private Set<String> everyoneOn(RoutingTable.Route route, String schoolId, ConcernReported concern) {
        Set<String> people = new LinkedHashSet<>();
        for (Audience audience : route.audience()) {
            if (audience instanceof Audience.HoldersOf holders) {
                directory.holdersOf(schoolId, holders.role()).forEach(entry -> people.add(entry.id()));
            } else if (audience instanceof Audience.Reporter) {
                people.add(concern.reporterId());
            }
        }
        people.removeIf(Objects::isNull);
        return people;
    }
}
