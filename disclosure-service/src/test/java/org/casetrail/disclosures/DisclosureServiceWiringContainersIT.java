package org.casetrail.disclosures;

import org.casetrail.platform.testing.ContainersStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same checks on real MongoDB and Kafka; skipped, visibly, where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureServiceWiringContainersIT extends DisclosureServiceWiringContract {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        ContainersStack.register(registry, "disclosures-wiring-it");
    }
}
