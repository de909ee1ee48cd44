package org.casetrail.notifications.delivery.web;

import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.DeliveryState;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;

import java.time.Instant;
import java.util.List;

/** One delivery as api.md's deliveries endpoint shows it: recipient, channel, state, times, attempts. */
record DeliveryResponse(String notificationId, String caseId, String reference, String recipientId, Channel channel,
                        NotificationType type, Urgency urgency, DeliveryState state, Instant queuedAt, Instant sentAt,
                        Instant nextAttemptAt, Instant gaveUpAt, Instant readAt, Instant acknowledgedAt,
                        String acknowledgedBy, boolean acknowledgedOnCase, int attempts, List<Failure> failures,
                        List<Escalation> escalations) {

    record Failure(int attempt, String reason, Instant at) {
    }

    record Escalation(int level, String kind, Instant at) {
    }
}
