package org.casetrail.notifications.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.SafeguardingAcknowledged;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns case events into notifications. At-least-once from Kafka, exactly-once in effect: the
 * processed-event log skips known event ids, and every notification's id derives from the event,
 * person, type and channel, so even a crash between queueing and logging queues nothing twice.
 */
@Component
class CaseEventsConsumer {

    static final String CONSUMER = "notification-case-events";
    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);

    private final ProcessedEventLog processed;
    private final Notifier notifier;
    private final SafeguardingAcknowledgements acknowledgements;

    CaseEventsConsumer(ProcessedEventLog processed, Notifier notifier, SafeguardingAcknowledgements acknowledgements) {
        this.processed = processed;
        this.notifier = notifier;
        this.acknowledgements = acknowledgements;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, String> record) {
        processed.handleOnce(CONSUMER, IntegrationEvents.fromJson(record.value()), record.topic() + "@" + record.offset(),
                this::route);
    }

    private void route(EventEnvelope envelope) {
        Optional<IntegrationEvent> payload = IntegrationEvents.payloadOf(envelope);
        if (payload.isEmpty()) {
            // A newer producer's event this build does not route yet; not an error.
            log.debug("no routing for {} {}", envelope.eventType(), envelope.eventId());
            return;
        }
        if (payload.get() instanceof SafeguardingAcknowledged acknowledged) {
            acknowledgements.record(envelope.schoolId(), acknowledged);
            return;
        }
        Optional<CaseParties> parties = RoutingTable.partiesOf(payload.get());
        if (parties.isPresent()) {
            notifier.notify(envelope, payload.get(), parties.get());
        }
    }
}
