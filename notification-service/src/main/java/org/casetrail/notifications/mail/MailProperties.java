package org.casetrail.notifications.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * E-mail delivery (the SMTP server itself is Spring's {@code spring.mail.*}).
 *
 * @param from        the sender address
 * @param linkBaseUrl where the link in every mail points (the gateway); the mail carries nothing else of the case
 * @param dispatch    how often due e-mails are sent, and how many per look
 */
@ConfigurationProperties("casetrail.notifications.mail")
public record MailProperties(@DefaultValue("casetrail@localhost") String from,
                             @DefaultValue("http://localhost:8080") String linkBaseUrl,
                             @DefaultValue Dispatch dispatch) {

    public MailProperties {
        dispatch = dispatch == null ? new Dispatch(true, Duration.ofSeconds(5), 50) : dispatch;
    }

    /** @param enabled false in tests that drive {@link MailDispatcher#dispatchDue()} themselves */
    public record Dispatch(@DefaultValue("true") boolean enabled,
                           @DefaultValue("PT5S") Duration fixedDelay,
                           @DefaultValue("50") int batchSize) {
    }
}
