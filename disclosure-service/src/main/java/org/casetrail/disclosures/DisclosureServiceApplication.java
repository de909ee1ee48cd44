package org.casetrail.disclosures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Relationship disclosures, approach records and policy acknowledgements (domain.md, P2, P8-P10).
 * Relationship disclosures (decided by the P8/P10 table, reviewed, amended, withdrawn, flags published
 * to Kafka) and approach records so far; policy acknowledgements are still to come.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisclosureServiceApplication.class, args);
    }
}
