package org.casetrail.notifications.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily digest of non-urgent items, for the users whose preference is DAILY_DIGEST.
 *
 * @param enabled false in tests that drive {@link DailyDigest#sendFor} themselves
 * @param cron    when it goes out (Spring cron, in {@code zone}); it covers the previous day
 * @param zone    the schools' zone, which decides where a day begins
 */
@ConfigurationProperties("casetrail.notifications.digest")
public record DigestProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("0 0 7 * * *") String cron,
                               @DefaultValue("Europe/London") String zone) {
}
