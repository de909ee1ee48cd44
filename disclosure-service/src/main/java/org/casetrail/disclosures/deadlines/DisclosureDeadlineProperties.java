package org.casetrail.disclosures.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The disclosure clocks' settings.
 *
 * @param reconfirmationRemindersDaysBefore how many days before the yearly re-confirmation is due each
 *                                          reminder goes out (earliest first: reminder 1 is the largest)
 * @param watch                             how often the watch looks for clocks that ran out
 */
@ConfigurationProperties("casetrail.disclosures.deadlines")
record DisclosureDeadlineProperties(@DefaultValue({"30", "7"}) List<Integer> reconfirmationRemindersDaysBefore,
                                    @DefaultValue Watch watch) {

    DisclosureDeadlineProperties {
        reconfirmationRemindersDaysBefore = reconfirmationRemindersDaysBefore == null ? List.of()
                : reconfirmationRemindersDaysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        watch = watch == null ? new Watch(true, Duration.ofMinutes(1), 100) : watch;
    }

    /**
     * @param enabled    false in tests, which drive {@link DisclosureDeadlineWatch#fireDue()} themselves
     * @param fixedDelay pause between two looks
     * @param batchSize  clocks handled per look, earliest first
     */
    record Watch(@DefaultValue("true") boolean enabled,
                 @DefaultValue("PT1M") Duration fixedDelay,
                 @DefaultValue("100") int batchSize) {
    }
}
