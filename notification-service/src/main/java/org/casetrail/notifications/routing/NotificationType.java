package org.casetrail.notifications.routing;

/** What a notification tells its recipient; the wire name of the inbox's {@code type}. */
public enum NotificationType {
    /** A new concern to act on, for the people domain.md's routing table names. */
    CONCERN_REPORTED,
    /** The reporter's own receipt: status only, no content. */
    REPORT_RECEIVED
}
