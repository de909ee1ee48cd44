package org.casetrail.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrail.contracts.Topics;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends what a topic's dead-letter topic holds back to the topic, once the cause is fixed. A consumer
 * group of its own remembers how far replays have got, and its offset moves only after the broker
 * acknowledged the re-sent record, so a replay interrupted half-way resumes without losing or
 * repeating more than the record in flight (consumers are idempotent for that one).
 */
public class DeadLetterReplay {

    /** Set on every replayed record, for the audit trail of the consumer that handles it. */
    public static final String REPLAYED_FROM_HEADER = "casetrail-replayed-from";

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<String, String> template;
    private final Set<String> replayable;
    private final String group;
    private final Duration publishTimeout;
    private final Duration quietPeriod;

    public DeadLetterReplay(Map<String, Object> consumerConfig, KafkaTemplate<String, String> template,
                            Set<String> replayable, String group, Duration publishTimeout, Duration quietPeriod) {
        this.consumerConfig = consumerConfig;
        this.template = template;
        this.replayable = replayable;
        this.group = group;
        this.publishTimeout = publishTimeout;
        this.quietPeriod = quietPeriod;
    }

    public Set<String> replayableTopics() {
        return replayable;
    }

    /** Replays every dead letter of {@code topic} not replayed before; returns how many. */
    public int replay(String topic) {
        if (!replayable.contains(topic)) {
            throw new IllegalArgumentException("not a topic this service consumes: " + topic);
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            ConsumerRecords<String, String> batch;
            while (!(batch = consumer.poll(quietPeriod)).isEmpty()) {
                for (ConsumerRecord<String, String> dead : batch) {
                    resend(topic, dead);
                    consumer.commitSync(Map.of(new TopicPartition(dead.topic(), dead.partition()),
                            new OffsetAndMetadata(dead.offset() + 1)));
                    replayed++;
                }
            }
        }
        return replayed;
    }

    private void resend(String topic, ConsumerRecord<String, String> dead) {
        ProducerRecord<String, String> again = new ProducerRecord<>(topic, dead.key(), dead.value());
        again.headers().add(REPLAYED_FROM_HEADER,
                (dead.topic() + "-" + dead.partition() + "@" + dead.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            template.send(again).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("re-sending " + dead.topic() + "@" + dead.offset() + " was not acknowledged", e);
        }
    }
}
