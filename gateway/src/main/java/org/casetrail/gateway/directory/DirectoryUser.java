package org.casetrail.gateway.directory;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One person of one school as the directory stores them.
 *
 * <p>{@code version} counts the changes (1 on creation) and is the {@code sequence} of the
 * published event; {@code publishedVersion} is the last version the broker acknowledged. The gap
 * between the two is the outbox: whatever is saved but not yet acknowledged is published again
 * (see {@link DirectoryEventPublisher}). {@code changedBy}, {@code changedAt} and
 * {@code correlationId} describe the latest change so that a re-publication carries the same
 * envelope as the first attempt.
 */
@Document(DirectoryUser.COLLECTION)
public record DirectoryUser(
        @Id String userId,
        String schoolId,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean active,
        String passwordHash,
        long version,
        long publishedVersion,
        Instant changedAt,
        Actor changedBy,
        String correlationId) {

    public static final String COLLECTION = "users";

    public DirectoryUser {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * The id of a person is derived from school and username, so that the demo users (and anyone
     * re-created after a data loss) keep the same id everywhere: events, cases, tokens.
     */
    public static String idFor(String schoolId, String username) {
        return UUID.nameUUIDFromBytes((schoolId + "/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Roles in the enum's order, for stable JSON. */
    public java.util.List<Role> sortedRoles() {
        return roles.isEmpty() ? java.util.List.of() : java.util.List.copyOf(EnumSet.copyOf(roles));
    }

    public boolean unpublished() {
        return publishedVersion < version;
    }

    DirectoryUser changed(Collection<Role> newRoles, boolean newActive, Instant at, Actor by, String correlation) {
        return new DirectoryUser(userId, schoolId, username, displayName, email, Set.copyOf(newRoles), newActive,
                passwordHash, version + 1, publishedVersion, at, by, correlation);
    }
}
