package org.casetrail.notifications.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.contracts.cases.SafeguardingAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordCaseAcknowledgement;
import org.casetrail.notifications.delivery.query.CaseAcknowledgementsAwaited;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.delivery.query.DeliveryView;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * P6: the DSL acknowledges a safeguarding case on the case; case-service records it and says so.
 * Only then are the case's safeguarding notifications marked acknowledged (for every recipient: the
 * thing they asked for is done), by whom and when case-service says, so the inbox cannot disagree
 * with the case. The notifications come from the list kept as they are queued, not from the
 * deliveries view, which may be a step behind or being rebuilt.
 */
@Component
class SafeguardingAcknowledgements {

    private final CaseAcknowledgementsAwaited awaited;
    private final DeliveriesProjection deliveries;
    private final CommandGateway commands;

    SafeguardingAcknowledgements(CaseAcknowledgementsAwaited awaited, DeliveriesProjection deliveries,
                                 CommandGateway commands) {
        this.awaited = awaited;
        this.deliveries = deliveries;
        this.commands = commands;
    }

    void record(String schoolId, SafeguardingAcknowledged acknowledged) {
        Set<String> notificationIds = new LinkedHashSet<>(awaited.of(schoolId, acknowledged.caseId()));
        // Those queued before the list existed are only in the deliveries view.
        for (DeliveryView delivery : deliveries.ofCase(schoolId, acknowledged.caseId())) {
            if (delivery.acknowledgedOnCase() && delivery.acknowledgedAt() == null) {
                notificationIds.add(delivery.notificationId());
            }
        }
        // A notification already acknowledged ignores the command.
        for (String notificationId : notificationIds) {
            commands.sendAndWait(new RecordCaseAcknowledgement(notificationId, acknowledged.acknowledgedBy(),
                    acknowledged.acknowledgedAt()));
        }
    }
}
