package org.casetrail.notifications.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns disclosure-topic events (review, re-evaluation, re-confirmation, repeated approaches, policy
 * versions) into notifications, with the same exactly-once effect as the case events. Events without
 * a row (a flag: case-service's CaseOpenedFromDisclosure announces it) are skipped.
 */
@Component
class DisclosureEventsConsumer {

    static final String CONSUMER = "notification-disclosure-events";

    private final ProcessedEventLog processed;
    private final Notifier notifier;

    DisclosureEventsConsumer(ProcessedEventLog processed, Notifier notifier) {
        this.processed = processed;
        this.notifier = notifier;
    }

    @KafkaListener(topics = Topics.DISCLOSURE_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, IntegrationEvents.fromJson(record.value()), record.topic() + "@" + record.offset(),
                this::route);
    }

    private void route(EventEnvelope envelope) {
        Optional<IntegrationEvent> payload = IntegrationEvents.payloadOf(envelope);
        if (payload.isEmpty() || RoutingTable.routesFor(payload.get()).isEmpty()) {
            return;
        }
        Optional<CaseParties> parties = RoutingTable.partiesOf(payload.get());
        parties.ifPresent(p -> notifier.notify(envelope, payload.get(), p));
    }
}
