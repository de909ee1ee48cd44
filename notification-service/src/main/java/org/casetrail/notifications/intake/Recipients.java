package org.casetrail.notifications.intake;

import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.RoutingTable;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a routing row into people of the school. The subject of the case is never among them through
 * a role they hold or a part they play; only a row addressing the subject reaches them, and only from
 * the hearing notice on (domain.md: the subject is never told of an allegation before it).
 */
@Component
public class Recipients {

    private final DirectoryCopy directory;

    public Recipients(DirectoryCopy directory) {
        this.directory = directory;
    }

    /**
     * The people a route reaches. Every role the route names must have a holder in the school: if the
     * directory copy knows none (it is still catching up, or the school lacks, say, an HR lead), this
     * throws, the event is retried, and in the end dead-lettered where an operator sees why and can
     * replay it, rather than the notification being silently skipped. A route emptied only by leaving
     * out the subject is fine.
     */
    Set<String> of(RoutingTable.Route route, String schoolId, CaseParties parties) {
        Set<String> people = everyoneOn(route, schoolId, parties);
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
                List<DirectoryCopy.DirectoryEntry> holdersOfRole = directory.holdersOf(schoolId, holders.role());
                if (holdersOfRole.isEmpty()) {
                    throw new RecipientsUnresolved("nobody holds " + holders.role() + " in school " + schoolId
                            + " for '" + route.description() + "' (case " + parties.caseId() + ")");
                }
                holdersOfRole.forEach(entry -> people.add(entry.id()));
            } else if (audience instanceof Audience.Reporter) {
                people.add(parties.reporterId());
            } else if (audience instanceof Audience.Investigator) {
                people.add(parties.investigatorId());
            } else if (audience instanceof Audience.Addressee) {
                people.add(parties.addresseeId());
            }
            // Audience.Subject is added by of(), after everyone else has been cleared of the subject.
        }
        people.removeIf(Objects::isNull);
        // A system actor (Actor.system: "system:disclosures" reports the cases opened from flags) has no inbox.
        people.removeIf(id -> id.startsWith("system:"));
        return people;
    }
}
