package org.casetrail.notifications.delivery.query;

import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.DeliveryState;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * One delivery as an auditor reads it: who, how, what (type and reference, never content), its
 * state and every time that matters, how many attempts it took and why those that failed failed.
 * {@code subjectUserId} (the case's subject, if staff) is kept only to hide the record from them.
 */
public record DeliveryView(@Id String notificationId, String schoolId, String caseId, String disclosureId,
                           String reference, String recipientId, Channel channel, NotificationType type,
                           Urgency urgency, DeliveryState state, String sourceEventId, Instant queuedAt,
                           Instant sentAt, Instant nextAttemptAt, Instant gaveUpAt, Instant readAt,
                           Instant acknowledgedAt, String acknowledgedBy, boolean acknowledgedOnCase, int attempts,
                           List<Failure> failures, List<Escalation> escalations, String subjectUserId) {

    public record Failure(int attempt, String reason, Instant at) {
    }

    /** @param kind ESCALATED (its deadline ran out unacknowledged) or RESENT (an e-mail went out again) */
    public record Escalation(int level, String kind, Instant at) {
    }
}
