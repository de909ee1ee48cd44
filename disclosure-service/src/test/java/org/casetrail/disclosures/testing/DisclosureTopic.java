package org.casetrail.disclosures.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads what disclosure-service published on its topic, from the beginning, with a group of its own. */
public final class DisclosureTopic {

    private DisclosureTopic() {
    }

    /**
     * The envelopes keyed {@code key} until {@code expected} of them matching {@code wanted} were seen
     * (or {@code atMost} passed), then {@code settle} longer, so that a duplicate would be seen too.
     */
    public static List<EventEnvelope> envelopes(String bootstrapServers, String key, Predicate<EventEnvelope> wanted,
                                                int expected, Duration atMost, Duration settle) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DISCLOSURE_EVENTS));
            List<EventEnvelope> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(atMost);
            boolean settling = false;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
                        if (wanted.test(envelope)) {
                            found.add(envelope);
                        }
                    }
                }
                if (!settling && found.size() >= expected) {
                    settling = true;
                    deadline = Instant.now().plus(settle);
                }
            }
            return found;
        }
    }

    public static Predicate<EventEnvelope> ofType(String eventType) {
        return envelope -> eventType.equals(envelope.eventType());
    }
}
