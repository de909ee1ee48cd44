package org.casetrail.notifications.delivery.api;

import org.axonframework.serialization.Revision;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;

import java.time.Instant;

/**
 * What happened to one delivery. Stored in notification-service's event store; the inbox and the
 * deliveries view are projections of them. Their class names are their identity in the store.
 */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    @Revision("1")
    public record NotificationQueued(String notificationId, String schoolId, String recipientId, Channel channel,
                                     NotificationType type, Urgency urgency, String caseId, String disclosureId,
                                     String reference, String sourceEventId, boolean acknowledgedOnCase,
                                     String subjectUserId, Instant queuedAt) {
    }

    /** @param attempt the attempt that succeeded, counted from the first ever */
    @Revision("1")
    public record NotificationSent(String notificationId, Channel channel, int attempt, Instant sentAt) {
    }

    /** @param nextAttemptAt when it is tried again (exponential backoff) */
    @Revision("1")
    public record NotificationFailed(String notificationId, int attempt, String reason, Instant failedAt,
                                     Instant nextAttemptAt) {
    }

    @Revision("1")
    public record NotificationGivenUp(String notificationId, int attempts, String reason, Instant gaveUpAt) {
    }

    @Revision("1")
    public record NotificationRead(String notificationId, Instant readAt) {
    }

    /** @param onCase acknowledged on the case (case-service's record), not in the inbox */
    @Revision("1")
    public record NotificationAcknowledged(String notificationId, String acknowledgedBy, boolean onCase,
                                           Instant acknowledgedAt) {
    }

    @Revision("1")
    public record NotificationEscalated(String notificationId, int level, Instant escalatedAt) {
    }

    /** An e-mail goes out again (escalation level {@code level}); it is queued again, with fresh retries. */
    @Revision("1")
    public record NotificationResendRequested(String notificationId, int level, Instant requestedAt) {
    }
}
