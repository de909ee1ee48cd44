package org.casetrail.disclosures.relationship.command;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
class DisclosureCommandConfiguration {

    /** In the school's zone, so that a declaration late on the eve of an 18th birthday still counts as under 18. */
    @Bean
    Clock clock(DisclosureProperties properties) {
        return Clock.system(ZoneId.of(properties.zone()));
    }
}
