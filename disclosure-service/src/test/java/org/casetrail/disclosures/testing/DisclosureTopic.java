package org.casetrail.disclosures.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<EventEnvelope> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(atMost);
            boolean settling = false;
            while (Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(300)), key, wanted, found);
                if (!settling && found.size() >= expected) {
                    settling = true;
                    deadline = Instant.now().plus(settle);
                }
            }
            return found;
        }
    }

    /** Every envelope keyed {@code key} matching {@code wanted} among all that the topic holds right now. */
    public static List<EventEnvelope> publishedSoFar(String bootstrapServers, String key, Predicate<EventEnvelope> wanted) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            List<EventEnvelope> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && Instant.now().isBefore(deadline)) {
                collect(consumer.poll(Duration.ofMillis(300)), key, wanted, found);
            }
            return found;
        }
    }

    /** Assigned every partition from the start: no consumer group to join, so nothing is missed or waited for. */
    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DISCLOSURE_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> records, String key,
                                Predicate<EventEnvelope> wanted, List<EventEnvelope> found) {
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                EventEnvelope envelope = IntegrationEvents.fromJson(record.value());
                if (wanted.test(envelope)) {
                    found.add(envelope);
                }
            }
        }
    }

    public static Predicate<EventEnvelope> ofType(String eventType) {
        return envelope -> eventType.equals(envelope.eventType());
    }
}
