package org.casetrail.notifications.delivery.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.notifications.delivery.api.DeliveryState;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationEscalated;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationGivenUp;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationRead;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationResendRequested;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationSent;
import org.casetrail.notifications.readmodel.ViewWriteBatch;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The deliveries view ({@code deliveries}), one document per {@code Notification}, updated by _id.
 * Tracking (application.yml), so it can be rebuilt; those who read it right after a command of
 * theirs wait for it first ({@code ReadModelCatchUp}). Every handler is idempotent (insert-if-absent,
 * set, add-to-set), so an event handled twice (a batch retried after a failure) changes nothing. The
 * writes go out once per batch of events, in order ({@link ViewWriteBatch}).
 */
@Component
@ProcessingGroup(DeliveriesProjection.GROUP)
public class DeliveriesProjection {

    public static final String GROUP = "deliveries";
    static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;
    private final ViewWriteBatch writes;

    DeliveriesProjection(MongoTemplate mongo, ViewWriteBatch writes) {
        this.mongo = mongo;
        this.writes = writes;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("schoolId", Sort.Direction.ASC)
                .on("caseId", Sort.Direction.ASC));
    }

    @EventHandler
    void on(NotificationQueued event) {
        Update insert = new Update()
                .setOnInsert("schoolId", event.schoolId())
                .setOnInsert("caseId", event.caseId())
                .setOnInsert("disclosureId", event.disclosureId())
                .setOnInsert("reference", event.reference())
                .setOnInsert("recipientId", event.recipientId())
                .setOnInsert("channel", event.channel())
                .setOnInsert("type", event.type())
                .setOnInsert("urgency", event.urgency())
                .setOnInsert("state", DeliveryState.QUEUED)
                .setOnInsert("sourceEventId", event.sourceEventId())
                .setOnInsert("queuedAt", event.queuedAt())
                .setOnInsert("acknowledgedOnCase", event.acknowledgedOnCase())
                .setOnInsert("subjectUserId", event.subjectUserId())
                .setOnInsert("attempts", 0)
                .setOnInsert("failures", List.of())
                .setOnInsert("escalations", List.of());
        writes.upsert(byId(event.notificationId()), insert, COLLECTION);
    }

    @EventHandler
    void on(NotificationSent event) {
        writes.updateFirst(byId(event.notificationId()), new Update().set("state", DeliveryState.SENT)
                .set("sentAt", event.sentAt()).set("attempts", event.attempt()).unset("nextAttemptAt"), COLLECTION);
    }

    @EventHandler
    void on(NotificationFailed event) {
        Update update = new Update().set("state", DeliveryState.FAILED).set("attempts", event.attempt())
                .addToSet("failures", new DeliveryView.Failure(event.attempt(), event.reason(), event.failedAt()));
        if (event.nextAttemptAt() != null) {
            update.set("nextAttemptAt", event.nextAttemptAt());
        } else {
            update.unset("nextAttemptAt");
        }
        writes.updateFirst(byId(event.notificationId()), update, COLLECTION);
    }

    @EventHandler
    void on(NotificationGivenUp event) {
        writes.updateFirst(byId(event.notificationId()), new Update().set("state", DeliveryState.GIVEN_UP)
                .set("gaveUpAt", event.gaveUpAt()).unset("nextAttemptAt"), COLLECTION);
    }

    @EventHandler
    void on(NotificationRead event) {
        writes.updateFirst(byId(event.notificationId()), new Update().set("state", DeliveryState.READ)
                .set("readAt", event.readAt()), COLLECTION);
    }

    @EventHandler
    void on(NotificationAcknowledged event) {
        writes.updateFirst(byId(event.notificationId()), new Update().set("state", DeliveryState.ACKNOWLEDGED)
                .set("acknowledgedAt", event.acknowledgedAt()).set("acknowledgedBy", event.acknowledgedBy()),
                COLLECTION);
    }

    @EventHandler
    void on(NotificationEscalated event) {
        writes.updateFirst(byId(event.notificationId()), new Update().addToSet("escalations",
                new DeliveryView.Escalation(event.level(), "ESCALATED", event.escalatedAt())), COLLECTION);
    }

    @EventHandler
    void on(NotificationResendRequested event) {
        writes.updateFirst(byId(event.notificationId()), new Update().set("state", DeliveryState.QUEUED)
                .addToSet("escalations", new DeliveryView.Escalation(event.level(), "RESENT", event.requestedAt())),
                COLLECTION);
    }

    /** A rebuild starts from nothing (into the shadow collection while it runs, platform.axon.ReadModelRebuild). */
    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    public Optional<DeliveryView> find(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, DeliveryView.class, COLLECTION));
    }

    /** Every delivery of one case within one school, in the order they were queued. */
    public List<DeliveryView> ofCase(String schoolId, String caseId) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("caseId").is(caseId))
                .with(Sort.by("queuedAt", "_id")), DeliveryView.class, COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
