package org.casetrail.notifications.delivery.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.readmodel.ViewWriteBatch;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * P6: the notifications of each case that wait for the DSL's acknowledgement on the case
 * ({@code case_acknowledgements}, one document per school and case, read by _id), for the intake to
 * mark them when case-service says the case was acknowledged. Subscribing (application.yml) and
 * never rebuilt: it holds a notification from the moment it was queued, whatever the deliveries view
 * (tracking, rebuildable) shows at that moment. Entries stay; the notification ignores a second
 * acknowledgement. The writes of one unit of work (the notifications of one event) go out as one
 * ({@link ViewWriteBatch}).
 */
@Component
@ProcessingGroup(CaseAcknowledgementsAwaited.GROUP)
public class CaseAcknowledgementsAwaited {

    static final String GROUP = "case-acknowledgements";
    static final String COLLECTION = "case_acknowledgements";

    private final MongoTemplate mongo;
    private final ViewWriteBatch writes;

    CaseAcknowledgementsAwaited(MongoTemplate mongo, ViewWriteBatch writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    @EventHandler
    void on(NotificationQueued event) {
        if (event.acknowledgedOnCase() && event.caseId() != null) {
            writes.upsert(byId(event.schoolId(), event.caseId()), new Update().addToSet("notificationIds",
                    event.notificationId()), COLLECTION);
        }
    }

    /** The ids of every notification of that case queued to be acknowledged on the case. */
    public List<String> of(String schoolId, String caseId) {
        Document entry = mongo.findOne(byId(schoolId, caseId), Document.class, COLLECTION);
        return entry == null ? List.of() : entry.getList("notificationIds", String.class, List.of());
    }

    /** School and case in one unambiguous _id (the school's length first), so a lookup is an _id lookup. */
    private static Query byId(String schoolId, String caseId) {
        return Query.query(Criteria.where("_id").is(schoolId.length() + ":" + schoolId + ":" + caseId));
    }
}
