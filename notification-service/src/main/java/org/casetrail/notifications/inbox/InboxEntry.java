package org.casetrail.notifications.inbox;

import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One notification in one person's inbox. It carries a reference to the case, never what the case
 * is about (domain.md, "Notifications").
 *
 * @param sourceEventId the integration event that caused it, for the audit trail
 */
public record InboxEntry(@Id String notificationId, String schoolId, String recipientId, NotificationType type,
                         Urgency urgency, String caseId, String disclosureId, String reference, String sourceEventId,
                         Instant createdAt, Instant readAt, Instant acknowledgedAt) {
}
