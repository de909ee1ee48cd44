package org.casetrail.gateway.directory;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory's application service: the one way users come into being and change, for the
 * admin API and the demo seeder alike, so every change is stored and then published.
 */
@Service
public class DirectoryService {

    private final DirectoryStore store;
    private final DirectoryEventPublisher events;
    private final PasswordEncoder passwords;
    private final DirectoryProperties properties;
    private final Clock clock;
    // Compared against when the username is unknown, so that a miss costs as much as a wrong password.
    private final String decoyHash;

    public DirectoryService(DirectoryStore store, DirectoryEventPublisher events, PasswordEncoder passwords,
                            DirectoryProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public record NewUser(String schoolId, String username, String displayName, String email, Set<Role> roles,
                          String password) {
    }

    public void ensureSchool(String schoolId, String name) {
        if (!store.schoolExists(schoolId)) {
            store.saveSchool(new School(schoolId, name));
        }
    }

    /**
     * Stores a new user (version 1) and publishes it. A failed publication does not undo the
     * creation: the outbox sweep publishes it later.
     *
     * @throws StateConflict when the username is taken
     */
    public DirectoryUser create(NewUser user, Actor actor, String correlationId) {
        String userId = DirectoryUser.idFor(user.schoolId(), user.username());
        String hash = user.password() == null ? null : passwords.encode(user.password());
        DirectoryUser created = new DirectoryUser(userId, user.schoolId(), user.username(), user.displayName(),
                user.email(), user.roles(), true, hash, 1, 0, clock.instant(), actor, correlationId(correlationId));
        try {
            store.insert(created);
        } catch (DuplicateKeyException e) {
            throw new StateConflict("EXISTS", "the username " + user.username() + " is taken");
        }
        events.publishPending(userId);
        return created;
    }

    public DirectoryUser changeRoles(String schoolId, String userId, Set<Role> roles, Actor actor, String correlationId) {
        return change(schoolId, userId, u -> u.changed(roles, u.active(), clock.instant(), actor, correlationId(correlationId)));
    }

    /** Deactivation keeps the person (cases refer to them); they can no longer sign in. */
    public DirectoryUser deactivate(String schoolId, String userId, Actor actor, String correlationId) {
        return change(schoolId, userId, u -> u.changed(u.roles(), false, clock.instant(), actor, correlationId(correlationId)));
    }

    private DirectoryUser change(String schoolId, String userId, java.util.function.UnaryOperator<DirectoryUser> change) {
        DirectoryUser current = store.findById(userId).filter(u -> u.schoolId().equals(schoolId))
                .orElseThrow(() -> new NotFound("user " + userId));
        DirectoryUser changed = change.apply(current);
        if (!store.replace(changed, current.version())) {
            throw new StateConflict("CONCURRENT_MODIFICATION", "the user was changed concurrently; retry");
        }
        events.publishPending(userId);
        return changed;
    }

    /** The active user with these credentials; empty for an unknown name, a wrong password or an inactive user alike. */
    public Optional<DirectoryUser> authenticate(String username, String password) {
        Optional<DirectoryUser> user = username == null ? Optional.empty() : store.findByUsername(username);
        String hash = user.map(DirectoryUser::passwordHash).orElse(decoyHash);
        boolean matches = password != null && passwords.matches(password, hash == null ? decoyHash : hash);
        return user.filter(u -> matches && u.passwordHash() != null && u.active());
    }

    public Optional<DirectoryUser> activeUser(String userId) {
        return store.findById(userId).filter(DirectoryUser::active);
    }

    public List<DirectoryUser> search(String schoolId, String text) {
        return store.search(schoolId, text, properties.searchLimit());
    }

    private static String correlationId(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }

}
