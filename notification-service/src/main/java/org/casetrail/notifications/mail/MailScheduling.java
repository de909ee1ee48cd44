package org.casetrail.notifications.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends due e-mails on a fixed delay; off with {@code casetrail.notifications.mail.dispatch.enabled=false}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "casetrail.notifications.mail.dispatch", name = "enabled", matchIfMissing = true)
class MailScheduling {

    private final MailDispatcher dispatcher;

    MailScheduling(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(initialDelayString = "${casetrail.notifications.mail.dispatch.fixed-delay:PT5S}",
            fixedDelayString = "${casetrail.notifications.mail.dispatch.fixed-delay:PT5S}")
    void look() {
        dispatcher.dispatchDue();
    }
}
