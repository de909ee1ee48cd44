package org.casetrail.notifications.inbox.web;

import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;

import java.time.Instant;

/** An inbox entry as api.md shows it. */
record NotificationResponse(String notificationId, NotificationType type, Urgency urgency, String caseId,
                            String disclosureId, String reference, Instant createdAt, Instant readAt,
                            Instant acknowledgedAt) {
}
