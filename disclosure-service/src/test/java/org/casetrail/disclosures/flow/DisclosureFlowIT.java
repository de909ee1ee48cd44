package org.casetrail.disclosures.flow;

import org.casetrail.platform.testing.EmbeddedStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On this machine's stack: the in-JVM Mongo-wire server and a real KRaft broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class DisclosureFlowIT extends DisclosureFlowContract {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-flow-it", "${spring.embedded.kafka.brokers}");
    }
}
