package org.casetrail.disclosures.policy.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * When staff who have not acknowledged a policy version are reminded (P2).
 *
 * @param daysAfterEffective reminder rounds, in days after the version takes effect (or is published, if
 *                           later); round 1 is the smallest
 * @param batchSize          rounds handled per look of the watch (each round reminds a whole school)
 */
@ConfigurationProperties("casetrail.disclosures.policy.acknowledgement-reminders")
record PolicyReminderProperties(@DefaultValue({"7", "14", "28"}) List<Integer> daysAfterEffective,
                                @DefaultValue("10") int batchSize) {

    PolicyReminderProperties {
        daysAfterEffective = daysAfterEffective == null ? List.of()
                : daysAfterEffective.stream().distinct().sorted().toList();
    }
}
