package org.casetrail.notifications.intake;

import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a routing row into people of the school. The subject of the case is never among them through
 * a role they hold or a part they play; only a row addressing the subject reaches them, and only from
 * the hearing notice on (domain.md: the subject is never told of an allegation before it).
 */
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
    Set<String> of(RoutingTable.Route route, String schoolId, CaseParties parties) {
        Set<String> people = everyoneOn(route, schoolId, parties);
        if (people.isEmpty() && route.urgency() == Urgency.URGENT) {
            throw new RecipientsUnresolved("nobody to tell for '" + route.description() + "' in school " + schoolId
                    + " (case " + parties.caseId() + ")");
        }
        people.remove(parties.subjectUserId());
        if (route.audience().contains(Audience.subject()) && parties.subjectMayBeTold()
                && parties.subjectUserId() != null) {
            people.add(parties.subjectUserId());
        }
        return people;
    }

    private Set<String> everyoneOn(RoutingTable.Route route, String schoolId, CaseParties parties) {
        Set<String> people = new LinkedHashSet<>();
        for (Audience audience : route.audience()) {
            if (audience instanceof Audience.HoldersOf holders) {
                directory.holdersOf(schoolId, holders.role()).forEach(entry -> people.add(entry.id()));
            } else if (audience instanceof Audience.Reporter) {
                people.add(parties.reporterId());
            } else if (audience instanceof Audience.Investigator) {
                people.add(parties.investigatorId());
            }
            // Audience.Subject is added by of(), after everyone else has been cleared of the subject.
        }
        people.removeIf(Objects::isNull);
        return people;
    }
}
