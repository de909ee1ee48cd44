package org.casetrail.notifications.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.contracts.cases.SafeguardingAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordCaseAcknowledgement;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.delivery.query.DeliveryView;
import org.springframework.stereotype.Component;

/**
 * P6: the DSL acknowledges a safeguarding case on the case; case-service records it and says so.
 * Only then are the case's safeguarding notifications marked acknowledged (for every recipient: the
 * thing they asked for is done), by whom and when case-service says, so the inbox cannot disagree
 * with the case.
 */
@Component
class SafeguardingAcknowledgements {

    private final DeliveriesProjection deliveries;
    private final CommandGateway commands;

    SafeguardingAcknowledgements(DeliveriesProjection deliveries, CommandGateway commands) {
        this.deliveries = deliveries;
        this.commands = commands;
    }

    void record(String schoolId, SafeguardingAcknowledged acknowledged) {
        for (DeliveryView delivery : deliveries.ofCase(schoolId, acknowledged.caseId())) {
            if (delivery.acknowledgedOnCase() && delivery.acknowledgedAt() == null) {
                commands.sendAndWait(new RecordCaseAcknowledgement(delivery.notificationId(),
                        acknowledged.acknowledgedBy(), acknowledged.acknowledgedAt()));
            }
        }
    }
}
