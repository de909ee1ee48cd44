package org.casetrail.disclosures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Relationship disclosures, approach records and policy acknowledgements (domain.md, P2, P8-P10).
 * So far only the wiring: Axon on Mongo, Kafka, security and health; the domain comes with its issue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisclosureServiceApplication.class, args);
    }
}
