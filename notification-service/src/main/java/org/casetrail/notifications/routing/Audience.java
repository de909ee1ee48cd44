package org.casetrail.notifications.routing;

import org.casetrail.contracts.Role;

/** Who a routing row addresses: every holder of a role in the school, or the reporter. */
public sealed interface Audience {

    record HoldersOf(Role role) implements Audience {
    }

    record Reporter() implements Audience {
    }

    static Audience holdersOf(Role role) {
        return new HoldersOf(role);
    }

    static Audience reporter() {
        return new Reporter();
    }
}
