package org.casetrail.notifications.mail;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordNotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordNotificationSent;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.delivery.query.DeliveryView;
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
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Sends the e-mails that are due over SMTP and tells each {@code Notification} how it went; the
 * notification decides about retries (exponential backoff) and giving up. A crash between the send
 * and the report sends that one mail again: at-least-once, like every mail system.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int MAX_REASON = 300;

    private final MongoTemplate mongo;
    private final DeliveriesProjection deliveries;
    private final DirectoryCopy directory;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final CommandGateway commands;
    private final Clock clock;
    private final ReadModelCatchUp readModels;
    private final int batchSize;

    MailDispatcher(MongoTemplate mongo, DeliveriesProjection deliveries, DirectoryCopy directory, MailComposer composer,
                   JavaMailSender sender, CommandGateway commands, Clock clock, ReadModelCatchUp readModels,
                   MailProperties properties) {
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.directory = directory;
        this.composer = composer;
        this.sender = sender;
        this.commands = commands;
        this.clock = clock;
        this.readModels = readModels;
        this.batchSize = properties.dispatch().batchSize();
    }

    /** One look; answers how many e-mails were attempted. */
    public synchronized int dispatchDue() {
        Query due = Query.query(Criteria.where("dueAt").lte(clock.instant()))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(batchSize);
        int attempted = 0;
        for (org.bson.Document entry : mongo.find(due, org.bson.Document.class, MailQueueProjection.COLLECTION)) {
            Optional<Due> mail = Due.of(entry).or(() -> deliveries.find(entry.getString("_id")).map(Due::of));
            if (mail.isPresent()) {
                attempt(mail.get());
                attempted++;
            }
        }
        if (attempted > 0) {
            // Whoever looks at the deliveries next sees these attempts.
            readModels.awaitCurrent();
        }
        return attempted;
    }

    /**
     * One e-mail to send: from its queue entry; from the deliveries view for an entry without those
     * fields (an e-mail queued again by an escalation, or queued before the entries carried them).
     */
    private record Due(String notificationId, String recipientId, NotificationType type, Urgency urgency,
                       String reference) {

        static Optional<Due> of(org.bson.Document entry) {
            if (entry.getString("recipientId") == null || entry.getString("type") == null) {
                return Optional.empty();
            }
            return Optional.of(new Due(entry.getString("_id"), entry.getString("recipientId"),
                    NotificationType.valueOf(entry.getString("type")), Urgency.valueOf(entry.getString("urgency")),
                    entry.getString("reference")));
        }

        static Due of(DeliveryView delivery) {
            return new Due(delivery.notificationId(), delivery.recipientId(), delivery.type(), delivery.urgency(),
                    delivery.reference());
        }
    }

    private void attempt(Due delivery) {
        String address = directory.find(delivery.recipientId()).map(DirectoryCopy.DirectoryEntry::email)
                .filter(email -> !email.isBlank()).orElse(null);
        if (address == null) {
            commands.sendAndWait(new RecordNotificationFailed(delivery.notificationId(),
                    "the directory has no e-mail address for the recipient"));
            return;
        }
        MailComposer.Mail mail = composer.single(new MailComposer.Item(delivery.type(), delivery.urgency(),
                delivery.reference()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(composer.from());
        message.setTo(address);
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("e-mail {} not sent: {}", delivery.notificationId(), e.toString());
            commands.sendAndWait(new RecordNotificationFailed(delivery.notificationId(), reason(e)));
            return;
        }
        commands.sendAndWait(new RecordNotificationSent(delivery.notificationId()));
    }

    static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = e.getClass().getSimpleName() + ": " + (root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + " " + root.getMessage());
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
