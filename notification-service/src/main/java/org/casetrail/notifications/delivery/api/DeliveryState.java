package org.casetrail.notifications.delivery.api;

/** Where one delivery stands; docs/services/notification-service.md draws the transitions. */
public enum DeliveryState {
    QUEUED, SENT, FAILED, GIVEN_UP, READ, ACKNOWLEDGED
}
