package org.casetrail.gateway;

import org.casetrail.platform.testing.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway on this machine's real stack: in-JVM Mongo-wire server and a KRaft Kafka broker. */
@EmbeddedKafka(kraft = true, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class GatewayIT extends AbstractGatewayIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedMongo.uri("gateway-it"));
    }

    @Override
    String kafkaBootstrapServers() {
        return bootstrapServers;
    }
}
