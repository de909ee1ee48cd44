package org.casetrail.notifications.escalation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.casetrail.contracts.Role;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationCommands.EscalateNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.QueueNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.ResendNotification;
import org.casetrail.notifications.delivery.api.NotificationIds;
import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.casetrail.platform.axon.ReadModelCatchUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Objects;

/**
 * Fires the escalations that ran out, earliest first: the notification records the escalation
 * (unless it was acknowledged meanwhile), its e-mail goes out again, and every Principal of the
 * school (not the recipient, never the case's subject) gets an urgent NOTIFICATION_UNACKNOWLEDGED.
 * Every step is idempotent by derived ids, so a crash before the entry is marked DONE only repeats
 * them to no effect.
 */
@Component
public class EscalationWatch {

    private static final Logger log = LoggerFactory.getLogger(EscalationWatch.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final DirectoryCopy directory;
    private final Clock clock;
    private final ReadModelCatchUp readModels;
    private final int batchSize;

    EscalationWatch(MongoTemplate mongo, CommandGateway commands, DirectoryCopy directory, Clock clock,
                    ReadModelCatchUp readModels, EscalationProperties properties) {
        this.mongo = mongo;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
        this.readModels = readModels;
        this.batchSize = properties.watch().batchSize();
    }

    /** One look; answers how many escalations were fired. */
    public synchronized int fireDue() {
        Query due = Query.query(Criteria.where("state").is(EscalationSchedule.State.PENDING.name())
                        .and("dueAt").lt(clock.instant()))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(batchSize);
        int fired = 0;
        for (Document entry : mongo.find(due, Document.class, EscalationSchedule.COLLECTION)) {
            EscalationSchedule.State outcome;
            try {
                outcome = fire(entry) ? EscalationSchedule.State.DONE : EscalationSchedule.State.CANCELLED;
            } catch (RuntimeException e) {
                log.warn("escalation {} not fired, will retry: {}", entry.getString("_id"), e.toString());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.getString("_id"))),
                    Update.update("state", outcome.name()), EscalationSchedule.COLLECTION);
            if (outcome == EscalationSchedule.State.DONE) {
                fired++;
            }
        }
        if (fired > 0) {
            // Whoever looks at the deliveries and inboxes next sees these escalations.
            readModels.awaitCurrent();
        }
        return fired;
    }

    private boolean fire(Document entry) {
        String notificationId = entry.getString("notificationId");
        int level = entry.getInteger("level");
        Boolean escalated = commands.sendAndWait(new EscalateNotification(notificationId, level));
        if (!Boolean.TRUE.equals(escalated)) {
            return false; // acknowledged meanwhile
        }
        String schoolId = entry.getString("schoolId");
        String recipientId = entry.getString("recipientId");
        String type = entry.getString("type");
        try {
            commands.sendAndWait(new ResendNotification(
                    NotificationIds.of(entry.getString("sourceEventId"), recipientId, type, Channel.EMAIL), level));
        } catch (AggregateNotFoundException e) {
            log.debug("no e-mail delivery to resend for {}", notificationId);
        }
        String source = "escalation:" + notificationId + ":" + level;
        for (DirectoryCopy.DirectoryEntry principal : directory.holdersOf(schoolId, Role.PRINCIPAL)) {
            if (principal.id().equals(recipientId) || Objects.equals(principal.id(), entry.getString("subjectUserId"))) {
                continue;
            }
            for (Channel channel : Channel.values()) {
                commands.sendAndWait(new QueueNotification(
                        NotificationIds.of(source, principal.id(), NotificationType.NOTIFICATION_UNACKNOWLEDGED.name(),
                                channel),
                        schoolId, principal.id(), channel, NotificationType.NOTIFICATION_UNACKNOWLEDGED, Urgency.URGENT,
                        entry.getString("caseId"), entry.getString("disclosureId"), entry.getString("reference"),
                        source, false, entry.getString("subjectUserId")));
            }
        }
        return true;
    }
}
