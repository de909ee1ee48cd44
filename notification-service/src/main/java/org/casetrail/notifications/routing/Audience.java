package org.casetrail.notifications.routing;

import org.casetrail.contracts.Role;

/**
 * Who a routing row addresses: every holder of a role in the school, or a person the event names
 * (the reporter, the assigned investigator, the subject). The subject is addressed only from the
 * hearing notice on; see {@link RoutingTable}.
 */
public sealed interface Audience {

    record HoldersOf(Role role) implements Audience {
    }

    record Reporter() implements Audience {
    }

    record Investigator() implements Audience {
    }

    record Subject() implements Audience {
    }

    /** The one person a disclosure-topic event is for (the declarer, or the staff member reminded). */
    record Addressee() implements Audience {
    }

    static Audience holdersOf(Role role) {
        return new HoldersOf(role);
    }

    static Audience reporter() {
        return new Reporter();
    }

    static Audience investigator() {
        return new Investigator();
    }

    static Audience subject() {
        return new Subject();
    }

    static Audience addressee() {
        return new Addressee();
    }
}
