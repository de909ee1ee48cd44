package org.casetrail.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the embedded Mongo-wire server and a real Kafka broker, and makes
 * it accept {@link TestTokens}. Used by every {@code *IT} that runs on this machine's stack.
 */
public final class EmbeddedStack {

    private EmbeddedStack() {
    }

    public static void register(DynamicPropertyRegistry registry, String database, String kafkaBootstrapServers) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedMongo.uri(database));
        registry.add("spring.kafka.bootstrap-servers", () -> kafkaBootstrapServers);
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }
}
