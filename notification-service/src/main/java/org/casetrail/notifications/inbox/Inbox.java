package org.casetrail.notifications.inbox;

import org.casetrail.notifications.readmodel.ViewWriteBatch;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The in-app inbox, a projection of the in-app {@code Notification}s ({@link InboxProjection}). An
 * entry's id is the notification's, derived from the event, recipient and type, and entries are
 * written insert-if-absent, so a redelivered event can never put a second entry in anyone's inbox.
 */
@Component
public class Inbox {

    static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final ViewWriteBatch writes;
    private final Clock clock;

    Inbox(MongoTemplate mongo, ViewWriteBatch writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
    }

    void deliver(InboxEntry entry) {
        Update insertOnly = new Update()
                .setOnInsert("schoolId", entry.schoolId())
                .setOnInsert("recipientId", entry.recipientId())
                .setOnInsert("type", entry.type().name())
                .setOnInsert("urgency", entry.urgency().name())
                .setOnInsert("caseId", entry.caseId())
                .setOnInsert("disclosureId", entry.disclosureId())
                .setOnInsert("reference", entry.reference())
                .setOnInsert("sourceEventId", entry.sourceEventId())
                .setOnInsert("createdAt", entry.createdAt())
                // When the view handled it (createdAt is when the notification was queued); visible once
                // its batch is written, a few ms later: the "notification recorded" clock of
                // docs/benchmarks-http.md. Not part of the API.
                .setOnInsert("recordedAt", clock.instant());
        writes.upsert(Query.query(Criteria.where("_id").is(entry.notificationId())), insertOnly, COLLECTION);
    }

    public List<InboxEntry> of(String schoolId, String recipientId) {
        return mongo.find(ownedBy(schoolId, recipientId).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                InboxEntry.class, COLLECTION);
    }

    /**
     * Sets a time once (the first read, the acknowledgement): {@code $min} keeps the earliest, which in
     * event order is the first. The filter is the {@code _id} alone: on the embedded server any other
     * field in it (such as "not set yet") makes the update scan the whole inbox collection.
     */
    void stamp(String notificationId, String field, Instant at) {
        writes.updateFirst(Query.query(Criteria.where("_id").is(notificationId)), new Update().min(field, at),
                COLLECTION);
    }

    void clear() {
        mongo.dropCollection(COLLECTION);
    }

    /** All of one user's entries (the digest reads them). */
    public List<InboxEntry> of(String schoolId, String recipientId, Instant since, Instant until) {
        return mongo.find(ownedBy(schoolId, recipientId).addCriteria(Criteria.where("createdAt").gte(since).lt(until))
                .with(Sort.by(Sort.Direction.ASC, "createdAt")), InboxEntry.class, COLLECTION);
    }

    private static Query ownedBy(String schoolId, String recipientId) {
        return Query.query(Criteria.where("schoolId").is(schoolId).and("recipientId").is(recipientId));
    }
}
