package org.casetrail.notifications.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.notifications.inbox.Inbox;
import org.casetrail.notifications.inbox.InboxEntry;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.platform.kafka.ProcessedEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Turns case events into notifications. At-least-once from Kafka, exactly-once in effect: the
 * processed-event log skips known event ids, and inbox entries are insert-if-absent by a derived id,
 * so even a crash between delivering and logging redelivers nothing twice.
 */
@Component
class CaseEventsConsumer {

    static final String CONSUMER = "notification-case-events";
    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);

    private final ProcessedEventLog processed;
    private final Recipients recipients;
    private final Inbox inbox;
    private final Clock clock;

    CaseEventsConsumer(ProcessedEventLog processed, Recipients recipients, Inbox inbox, Clock clock) {
        this.processed = processed;
        this.recipients = recipients;
        this.inbox = inbox;
        this.clock = clock;
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
        } else {
            Optional<CaseParties> parties = RoutingTable.partiesOf(payload.get());
            if (parties.isPresent()) {
                notify(envelope, payload.get(), parties.get());
            }
        }
    }

    private void notify(EventEnvelope envelope, IntegrationEvent event, CaseParties parties) {
        for (RoutingTable.Route route : RoutingTable.routesFor(event)) {
            Set<String> people = recipients.of(route, envelope.schoolId(), parties);
            if (people.isEmpty() && route.audience().stream().noneMatch(Audience.HoldersOf.class::isInstance)) {
                // A named person the event does not name (no investigator yet at a first triage): expected.
                log.debug("nobody named for '{}' (case {})", route.description(), parties.caseId());
            } else if (people.isEmpty()) {
                log.warn("nobody to tell for '{}' in school {} (case {})", route.description(), envelope.schoolId(),
                        parties.caseId());
            }
            for (String person : people) {
                inbox.deliver(new InboxEntry(Inbox.idFor(envelope.eventId(), person, route.type().name()),
                        envelope.schoolId(), person, route.type(), route.urgency(), parties.caseId(), null,
                        parties.reference(), envelope.eventId(), clock.instant(), null, null));
            }
        }
    }
}
