package org.casetrail.disclosures.testing;

import org.casetrail.platform.testing.MutableClock;
import org.casetrail.platform.testing.EmbeddedStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The stack of the tests that move time: this machine's (real broker, embedded Mongo-wire server),
 * with the clocks' watches off (the tests drive them) and a {@link MutableClock} in the school's zone.
 * One Spring context for every subclass: they declare nothing of their own, so the context is reused.
 * The clock starts at the real now, because request validation (@PastOrPresent) reads the real clock;
 * tests take their days from the clock as they find it, never from the real date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetrail.disclosures.deadlines.watch.enabled=false")
@EmbeddedKafka(kraft = true, partitions = 1)
@Import(ClockedStackIT.Clocks.class)
public abstract class ClockedStackIT {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "disclosures-clocked-it", "${spring.embedded.kafka.brokers}");
    }

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now(), LONDON);
        }
    }
}
