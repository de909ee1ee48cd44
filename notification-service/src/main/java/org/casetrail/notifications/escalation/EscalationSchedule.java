package org.casetrail.notifications.escalation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The durable schedule of escalations ({@code notification_escalations}), derived from the stored
 * events: an urgent in-app notification gets one entry per level; its acknowledgement cancels the
 * pending ones. Not scheduled: a safeguarding concern's notification (case-service's own deadlines
 * escalate the case, P6, and publish CaseSafeguardingEscalated, which is routed), and an escalation
 * notice itself (no chains).
 */
@Component
@ProcessingGroup(EscalationSchedule.GROUP)
class EscalationSchedule {

    static final String GROUP = "escalations";
    static final String COLLECTION = "notification_escalations";

    private final MongoTemplate mongo;
    private final EscalationProperties properties;

    EscalationSchedule(MongoTemplate mongo, EscalationProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
    }

    static String idOf(String notificationId, int level) {
        return notificationId + ":" + level;
    }

    @EventHandler
    void on(NotificationQueued event) {
        if (event.channel() != Channel.IN_APP || event.urgency() != Urgency.URGENT || event.acknowledgedOnCase()
                || event.type() == NotificationType.NOTIFICATION_UNACKNOWLEDGED) {
            return;
        }
        for (int level = 1; level <= properties.after().size(); level++) {
            Update insert = new Update()
                    .setOnInsert("notificationId", event.notificationId())
                    .setOnInsert("level", level)
                    .setOnInsert("schoolId", event.schoolId())
                    .setOnInsert("recipientId", event.recipientId())
                    .setOnInsert("type", event.type())
                    .setOnInsert("caseId", event.caseId())
                    .setOnInsert("disclosureId", event.disclosureId())
                    .setOnInsert("reference", event.reference())
                    .setOnInsert("subjectUserId", event.subjectUserId())
                    .setOnInsert("sourceEventId", event.sourceEventId())
                    .setOnInsert("dueAt", event.queuedAt().plus(properties.after().get(level - 1)))
                    .setOnInsert("state", State.PENDING);
            mongo.upsert(Query.query(Criteria.where("_id").is(idOf(event.notificationId(), level))), insert, COLLECTION);
        }
    }

    @EventHandler
    void on(NotificationAcknowledged event) {
        for (int level = 1; level <= properties.after().size(); level++) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(idOf(event.notificationId(), level))
                    .and("state").is(State.PENDING)), Update.update("state", State.CANCELLED), COLLECTION);
        }
    }

    enum State { PENDING, DONE, CANCELLED }
}
