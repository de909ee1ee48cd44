package org.casetrail.notifications.delivery.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;

/** The commands of a {@code Notification}: one delivery of one notification to one person on one channel. */
public final class NotificationCommands {

    private NotificationCommands() {
    }

    /**
     * Queue a delivery; a second time for the same id changes nothing (redelivery).
     *
     * @param acknowledgedOnCase the recipient acknowledges this on the case, never in the inbox (P6)
     * @param subjectUserId      the case's subject, kept out of any escalation of this notification
     */
    public record QueueNotification(@TargetAggregateIdentifier String notificationId, String schoolId,
                                    String recipientId, Channel channel, NotificationType type, Urgency urgency,
                                    String caseId, String disclosureId, String reference, String sourceEventId,
                                    boolean acknowledgedOnCase, String subjectUserId) {
    }

    /** The channel took it (the SMTP server accepted the mail). */
    public record RecordNotificationSent(@TargetAggregateIdentifier String notificationId) {
    }

    /** An attempt failed; the notification decides whether to retry (with backoff) or give up. */
    public record RecordNotificationFailed(@TargetAggregateIdentifier String notificationId, String reason) {
    }

    /** The recipient opened it in the inbox; someone else's id does not exist for them. */
    public record ReadNotification(@TargetAggregateIdentifier String notificationId, String schoolId, String userId) {
    }

    /** The recipient acknowledged it in the inbox. */
    public record AcknowledgeNotification(@TargetAggregateIdentifier String notificationId, String schoolId,
                                          String userId) {
    }

    /** case-service recorded the DSL's acknowledgement of the safeguarding case this notification asked for. */
    public record RecordCaseAcknowledgement(@TargetAggregateIdentifier String notificationId, String acknowledgedBy,
                                            java.time.Instant acknowledgedAt) {
    }

    /** Its escalation deadline ran out; answers whether it is (now or already) escalated at that level. */
    public record EscalateNotification(@TargetAggregateIdentifier String notificationId, int level) {
    }

    /** Send an e-mail delivery again, once per escalation level. */
    public record ResendNotification(@TargetAggregateIdentifier String notificationId, int level) {
    }
}
