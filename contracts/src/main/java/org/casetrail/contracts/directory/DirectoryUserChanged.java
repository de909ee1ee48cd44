package org.casetrail.contracts.directory;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;
import org.casetrail.contracts.Role;

import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole current state of one directory user. Published on a compacted topic keyed by
 * user id, so a consumer that reads the topic from the start holds the current directory.
 */
@IntegrationEventType(value = "DirectoryUserChanged", version = 1)
public record DirectoryUserChanged(
        String userId,
        String schoolId,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean active) implements IntegrationEvent {

    // Roles in name order, so the JSON form is the same on every JVM: a HashSet of enums iterates in
    // identity-hash order, which made the committed sample's round trip depend on class-loading history.
    public DirectoryUserChanged {
        if (roles != null) {
            Set<Role> ordered = new TreeSet<>(Comparator.comparing(Role::name));
            ordered.addAll(roles);
            roles = Collections.unmodifiableSet(ordered);
        }
    }
}
