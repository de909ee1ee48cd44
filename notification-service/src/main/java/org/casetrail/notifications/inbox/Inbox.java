package org.casetrail.notifications.inbox;

import org.casetrail.platform.domain.NotFound;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The in-app inbox. An entry's id is derived from the event, recipient and type, and entries are
 * written insert-if-absent, so a redelivered event can never put a second entry in anyone's inbox.
 */
@Component
public class Inbox {

    static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
    }

    public static String idFor(String eventId, String recipientId, String type) {
        return UUID.nameUUIDFromBytes((eventId + "|" + recipientId + "|" + type).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public void deliver(InboxEntry entry) {
        Update insertOnly = new Update()
                .setOnInsert("schoolId", entry.schoolId())
                .setOnInsert("recipientId", entry.recipientId())
                .setOnInsert("type", entry.type().name())
                .setOnInsert("urgency", entry.urgency().name())
                .setOnInsert("caseId", entry.caseId())
                .setOnInsert("disclosureId", entry.disclosureId())
                .setOnInsert("reference", entry.reference())
                .setOnInsert("sourceEventId", entry.sourceEventId())
                .setOnInsert("createdAt", entry.createdAt());
        mongo.upsert(Query.query(Criteria.where("_id").is(entry.notificationId())), insertOnly, COLLECTION);
    }

    public List<InboxEntry> of(String schoolId, String recipientId) {
        return mongo.find(ownedBy(schoolId, recipientId).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                InboxEntry.class, COLLECTION);
    }

    /** Marks read once; a second read keeps the first time. Someone else's entry does not exist. */
    public void markRead(String schoolId, String recipientId, String notificationId) {
        stampOnce(schoolId, recipientId, notificationId, "readAt");
    }

    /** Acknowledging implies having read it. */
    public void acknowledge(String schoolId, String recipientId, String notificationId) {
        stampOnce(schoolId, recipientId, notificationId, "readAt");
        stampOnce(schoolId, recipientId, notificationId, "acknowledgedAt");
    }

    private void stampOnce(String schoolId, String recipientId, String notificationId, String field) {
        Query entry = ownedBy(schoolId, recipientId).addCriteria(Criteria.where("_id").is(notificationId));
        if (!mongo.exists(entry, COLLECTION)) {
            throw new NotFound("notification");
        }
        mongo.findAndModify(entry.addCriteria(Criteria.where(field).is(null)), new Update().set(field, clock.instant()),
                FindAndModifyOptions.options().returnNew(true), InboxEntry.class, COLLECTION);
    }

    private static Query ownedBy(String schoolId, String recipientId) {
        return Query.query(Criteria.where("schoolId").is(schoolId).and("recipientId").is(recipientId));
    }
}
