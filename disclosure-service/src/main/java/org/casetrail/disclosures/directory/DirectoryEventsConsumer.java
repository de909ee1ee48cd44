package org.casetrail.disclosures.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted directory topic from its start (a group of its own, offsets from the earliest),
 * so a fresh instance learns the whole directory. Applying a user is idempotent (newest version wins).
 */
@Component
class DirectoryEventsConsumer {

    private final DirectoryCopy directory;

    DirectoryEventsConsumer(DirectoryCopy directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.DIRECTORY_EVENTS, groupId = "${spring.application.name}-directory")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
        IntegrationEvents.payloadOf(envelope)
                .filter(DirectoryUserChanged.class::isInstance)
                .map(DirectoryUserChanged.class::cast)
                .ifPresent(user -> directory.apply(user, envelope.sequence()));
    }
}
