package org.casetrail.notifications.inbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationRead;
import org.springframework.stereotype.Component;

/**
 * The inbox is a projection of the in-app {@code Notification}s. Tracking (application.yml), so it can
 * be rebuilt; a read or an acknowledgement still shows in the next GET, as api.md promises, because
 * the controller waits for this projection to have handled it ({@code ReadModelCatchUp}).
 */
@Component
@ProcessingGroup(InboxProjection.GROUP)
public class InboxProjection {

    public static final String GROUP = "inbox";

    private final Inbox inbox;

    InboxProjection(Inbox inbox) {
        this.inbox = inbox;
    }

    @EventHandler
    void on(NotificationQueued event) {
        if (event.channel() == Channel.IN_APP) {
            inbox.deliver(new InboxEntry(event.notificationId(), event.schoolId(), event.recipientId(), event.type(),
                    event.urgency(), event.caseId(), event.disclosureId(), event.reference(), event.sourceEventId(),
                    event.queuedAt(), null, null));
        }
    }

    @EventHandler
    void on(NotificationRead event) {
        inbox.stamp(event.notificationId(), "readAt", event.readAt());
    }

    @EventHandler
    void on(NotificationAcknowledged event) {
        inbox.stamp(event.notificationId(), "readAt", event.acknowledgedAt());
        inbox.stamp(event.notificationId(), "acknowledgedAt", event.acknowledgedAt());
    }

    /** A rebuild starts from nothing (into the shadow collection while it runs, platform.axon.ReadModelRebuild). */
    @ResetHandler
    void reset() {
        inbox.clear();
    }
}
