package org.casetrail.notifications.routing;

public enum Urgency {
    NORMAL, URGENT
}
