package org.casetrail.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record acknowledged with acks=all survives kill -9 of the broker and a restart on the same data dir. */
class KafkaDurabilityIT {

    private static final String TOPIC = "casetrail.devstack.it";
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void acknowledgedRecordSurvivesKill9(@TempDir Path dataDir) throws Exception {
        try (Devstack stack = Devstack.builder().dataDir(dataDir).ports(Ports.randomFree())
                .components(Component.KAFKA).out(new PrintStream(OutputStream.nullOutputStream())).build()) {
            stack.start();
            assertThat(dataDir.resolve("kafka/meta.properties")).exists();
            String clusterId = Files.readString(dataDir.resolve("kafka-config/cluster.id"));
            String value = "report-" + UUID.randomUUID();

            // The broker creates no topic on its own (as in production): declare it, as a service would.
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                    org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            RecordMetadata acked;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                acked = producer.send(new ProducerRecord<>(TOPIC, "case-1", value)).get(30, TimeUnit.SECONDS);
            }

            stack.kill9(Component.KAFKA);
            stack.start(Component.KAFKA);

            assertThat(Files.readString(dataDir.resolve("kafka-config/cluster.id"))).isEqualTo(clusterId);
            assertThat(consumeAll(stack.kafkaBootstrapServers(), new TopicPartition(TOPIC, acked.partition())))
                    .contains(value);
        }
    }

    /** Without a group: assign and read from the start, so no consumer-offsets topic is needed. */
    private static List<String> consumeAll(String bootstrap, TopicPartition partition) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plus(CONSUME_TIMEOUT);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
