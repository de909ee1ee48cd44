package org.casetrail.notifications.directory;

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
import java.util.Set;

/**
 * notification-service's own copy of the directory, kept from the gateway's directory events:
 * who holds which role in which school. Only the newest version of a user is kept, whatever order
 * redeliveries arrive in.
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
        Query sameOrNewer = Query.query(Criteria.where("_id").is(user.userId()).and("version").gte(version));
        if (mongo.exists(sameOrNewer, COLLECTION)) {
            return;
        }
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(user.userId())),
                new DirectoryEntry(user.userId(), user.schoolId(), user.displayName(), user.email(), user.roles(),
                        user.active(), version),
                FindAndReplaceOptions.options().upsert(), DirectoryEntry.class, COLLECTION);
    }

    /** One user, by id (an _id lookup). */
    public java.util.Optional<DirectoryEntry> find(String userId) {
        return java.util.Optional.ofNullable(mongo.findById(userId, DirectoryEntry.class, COLLECTION));
    }

    /** The active holders of a role within one school. */
    public List<DirectoryEntry> holdersOf(String schoolId, Role role) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("roles").is(role.name())
                .and("active").is(true)), DirectoryEntry.class, COLLECTION);
    }

    public record DirectoryEntry(String id, String schoolId, String displayName, String email, Set<Role> roles,
                                 boolean active, long version) {
    }
}
