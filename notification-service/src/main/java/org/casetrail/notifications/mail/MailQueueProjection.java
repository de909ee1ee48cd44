package org.casetrail.notifications.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationGivenUp;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationResendRequested;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationSent;
import org.casetrail.notifications.readmodel.ViewWriteBatch;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The e-mails still to send ({@code mail_queue}: id and when it is due), so the dispatcher scans only
 * what is pending, never every delivery ever made. Durable: derived from the stored events. A queued
 * e-mail's entry also carries who gets it and what it says (recipient, type, urgency, reference), so
 * the dispatcher does not depend on the deliveries view, which is a step behind, or being rebuilt.
 * Subscribing: its writes go out once per unit of work that published the events ({@link ViewWriteBatch}),
 * before that unit of work commits.
 */
@Component
@ProcessingGroup(MailQueueProjection.GROUP)
class MailQueueProjection {

    static final String GROUP = "mail-queue";
    static final String COLLECTION = "mail_queue";

    private final ViewWriteBatch writes;

    MailQueueProjection(ViewWriteBatch writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(NotificationQueued event) {
        if (event.channel() == Channel.EMAIL) {
            writes.upsert(Query.query(Criteria.where("_id").is(event.notificationId())), Update.update("dueAt",
                            event.queuedAt()).set("recipientId", event.recipientId()).set("type", event.type())
                    .set("urgency", event.urgency()).set("reference", event.reference()), COLLECTION);
        }
    }

    @EventHandler
    void on(NotificationFailed event) {
        if (event.nextAttemptAt() != null) {
            due(event.notificationId(), event.nextAttemptAt());
        }
    }

    @EventHandler
    void on(NotificationResendRequested event) {
        due(event.notificationId(), event.requestedAt());
    }

    /** Only an e-mail was ever queued here: an in-app notification is sent the moment it is queued. */
    @EventHandler
    void on(NotificationSent event) {
        if (event.channel() == Channel.EMAIL) {
            done(event.notificationId());
        }
    }

    @EventHandler
    void on(NotificationGivenUp event) {
        done(event.notificationId());
    }

    private void due(String notificationId, Instant at) {
        writes.upsert(Query.query(Criteria.where("_id").is(notificationId)), Update.update("dueAt", at), COLLECTION);
    }

    private void done(String notificationId) {
        writes.remove(Query.query(Criteria.where("_id").is(notificationId)), COLLECTION);
    }
}
