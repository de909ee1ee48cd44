package org.casetrail.notifications.digest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the daily digest on its cron; off with {@code casetrail.notifications.digest.enabled=false}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.notifications.digest", name = "enabled", matchIfMissing = true)
class DigestScheduling {

    private final DailyDigest digest;

    DigestScheduling(DailyDigest digest) {
        this.digest = digest;
    }

    @Scheduled(cron = "${casetrail.notifications.digest.cron:0 0 7 * * *}",
            zone = "${casetrail.notifications.digest.zone:Europe/London}")
    void send() {
        digest.sendForYesterday();
    }
}
