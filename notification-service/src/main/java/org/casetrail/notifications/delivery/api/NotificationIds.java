package org.casetrail.notifications.delivery.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A notification's id is derived from what caused it, so that a redelivered event meets the
 * notification it already made instead of making a second one. The in-app id is the inbox id the
 * inbox has always used (event, person, type); the e-mail id adds the channel. Stable: changing it
 * would notify everyone again on a replay.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static String of(String sourceEventId, String recipientId, String type, Channel channel) {
        String key = sourceEventId + "|" + recipientId + "|" + type + (channel == Channel.IN_APP ? "" : "|" + channel);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
