package org.casetrail.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Real MongoDB (a replica set, as in production) and Kafka from Testcontainers: the twin of
 * {@link EmbeddedStack} for the {@code *ContainersIT} classes. The containers start on first use and
 * are shared by every test class in the JVM. Callers are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker nothing here runs.
 */
public final class ContainersStack {

    private static final String MONGO_IMAGE = "mongo:7.0";
    private static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private ContainersStack() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        start();
        registry.add("spring.data.mongodb.uri", () -> mongo.getReplicaSetUrl(database));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    private static synchronized void start() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka = new KafkaContainer(KAFKA_IMAGE);
            mongo.start();
            kafka.start();
        }
    }
}
