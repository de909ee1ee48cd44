package org.casetrail.notifications.preferences;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** One user's choice; a user who never chose has the configured default. */
public record NotificationPreference(@Id String userId, String schoolId, NormalItems normalItems, Instant updatedAt) {
}
