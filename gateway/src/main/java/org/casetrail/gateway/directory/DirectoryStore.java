package org.casetrail.gateway.directory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The directory's collections. Writes are conditional on the version read, so two concurrent
 * changes of one user cannot both win (no transactions needed, none available on the embedded
 * server); lookups on hot paths (token, /me) go by {@code _id} or the unique username index.
 */
@Component
public class DirectoryStore {

    private final MongoTemplate mongo;

    public DirectoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Usernames are unique system-wide: the token endpoint takes a username without a school.
        mongo.indexOps(DirectoryUser.class).ensureIndex(new Index().on("username", Sort.Direction.ASC).unique());
        mongo.indexOps(DirectoryUser.class).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC));
    }

    public boolean schoolExists(String schoolId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(schoolId)), School.class);
    }

    public void saveSchool(School school) {
        mongo.save(school);
    }

    public Optional<DirectoryUser> findById(String userId) {
        return Optional.ofNullable(mongo.findById(userId, DirectoryUser.class));
    }

    public Optional<DirectoryUser> findByUsername(String username) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("username").is(username)), DirectoryUser.class));
    }

    /** @throws DuplicateKeyException when the id or the username is taken */
    public DirectoryUser insert(DirectoryUser user) {
        return mongo.insert(user);
    }

    /** Replaces the user if nobody changed it since {@code expectedVersion}; false otherwise. */
    public boolean replace(DirectoryUser changed, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(changed.userId()).and("version").is(expectedVersion));
        Update update = new Update()
                .set("roles", changed.roles())
                .set("active", changed.active())
                .set("version", changed.version())
                .set("changedAt", changed.changedAt())
                .set("changedBy", changed.changedBy())
                .set("correlationId", changed.correlationId());
        return mongo.updateFirst(current, update, DirectoryUser.class).getModifiedCount() == 1;
    }

    /** Records that the broker acknowledged {@code version}; never moves the mark backwards. */
    public void markPublished(String userId, long version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("publishedVersion").lt(version)),
                Update.update("publishedVersion", version), DirectoryUser.class);
    }

    /** Users with a change the broker has not acknowledged yet. */
    public List<DirectoryUser> findUnpublished() {
        Query query = new Query(new Criteria().andOperator(Criteria.expr(
                org.springframework.data.mongodb.core.aggregation.ComparisonOperators.Lt
                        .valueOf("publishedVersion").lessThan("version"))));
        return mongo.find(query.with(Sort.by("_id")), DirectoryUser.class);
    }

    /**
     * Users of one school whose username or display name contains {@code text}, ignoring case;
     * active users only (a deactivated person is history, not someone to pick).
     */
    public List<DirectoryUser> search(String schoolId, String text, int limit) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId).and("active").is(true);
        if (text != null && !text.isBlank()) {
            // Quoted: the caller's text is matched literally, never as a regular expression.
            Pattern contains = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
            criteria = criteria.orOperator(Criteria.where("username").regex(contains),
                    Criteria.where("displayName").regex(contains));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("username")).limit(limit), DirectoryUser.class);
    }
}
