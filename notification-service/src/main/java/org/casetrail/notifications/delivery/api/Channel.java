package org.casetrail.notifications.delivery.api;

/** How a notification reaches its recipient. */
public enum Channel {
    /** The in-app inbox: delivered the moment it is queued; read and acknowledged there. */
    IN_APP,
    /** E-mail over SMTP: type, reference and a link only, sent by the mail dispatcher with retries. */
    EMAIL
}
