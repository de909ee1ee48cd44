package org.casetrail.notifications.delivery.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How e-mail deliveries are retried: attempt n failing waits {@code initialInterval * multiplier^(n-1)},
 * at most {@code maxInterval}, and after {@code maxAttempts} failed attempts the delivery is given up.
 */
@ConfigurationProperties("casetrail.notifications.delivery")
public record DeliveryProperties(@DefaultValue("PT30S") Duration initialInterval,
                                 @DefaultValue("2.0") double multiplier,
                                 @DefaultValue("PT30M") Duration maxInterval,
                                 @DefaultValue("8") int maxAttempts) {

    public DeliveryProperties {
        if (maxAttempts < 1 || multiplier < 1.0 || initialInterval.isNegative() || maxInterval.isNegative()) {
            throw new IllegalArgumentException("casetrail.notifications.delivery: attempts >= 1, multiplier >= 1, "
                    + "intervals >= 0");
        }
    }

    /** The wait after the {@code attempt}-th failure (1-based). */
    public Duration backoffAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }
}
