package org.casetrail.cases.deadlines;

import org.casetrail.platform.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;
import java.time.ZoneId;

/** A controllable clock for integration tests, starting on a Monday morning so working days are simple to count. */
@TestConfiguration
public class MondayMorningClock {

    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START, ZoneId.of("Europe/London"));
    }
}
