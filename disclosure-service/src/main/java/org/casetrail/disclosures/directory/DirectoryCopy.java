package org.casetrail.disclosures.directory;

import org.casetrail.contracts.Role;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * disclosure-service's own copy of the directory, kept from the gateway's compacted directory topic:
 * the staff of each school, for "who has not acknowledged" and the acknowledgement reminders. Only the
 * newest version of a user is kept, whatever order redeliveries arrive in.
 */
@Component
public class DirectoryCopy {

    static final String COLLECTION = "directory_users";

    private final MongoTemplate mongo;

    DirectoryCopy(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC).on("roles", Sort.Direction.ASC));
    }

    void apply(DirectoryUserChanged user, long version) {
        Optional<DirectoryEntry> known = Optional.ofNullable(mongo.findById(user.userId(), DirectoryEntry.class, COLLECTION));
        if (known.isPresent() && known.get().version() >= version) {
            return;
        }
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(user.userId())),
                new DirectoryEntry(user.userId(), user.schoolId(), user.displayName(), user.roles(), user.active(), version),
                FindAndReplaceOptions.options().upsert(), DirectoryEntry.class, COLLECTION);
    }

    /** The school's staff today: active, with the STAFF role. */
    public List<DirectoryEntry> staffOf(String schoolId) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("roles").is(Role.STAFF.name())
                .and("active").is(true)), DirectoryEntry.class, COLLECTION);
    }

    /** Anyone the directory knows, active or not; by id. */
    public Optional<DirectoryEntry> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, DirectoryEntry.class, COLLECTION));
    }

    /** Whether {@code userId} is an active staff member of {@code schoolId} (an _id lookup). */
    public boolean isStaffOf(String schoolId, String userId) {
        return find(userId).filter(u -> u.schoolId().equals(schoolId) && u.active() && u.roles() != null
                && u.roles().contains(Role.STAFF)).isPresent();
    }

    public record DirectoryEntry(String id, String schoolId, String displayName, Set<Role> roles, boolean active,
                                 long version) {
    }
}
