package org.casetrail.contracts.directory;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;
import org.casetrail.contracts.Role;

import java.util.Set;

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
}
