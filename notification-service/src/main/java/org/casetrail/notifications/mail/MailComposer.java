package org.casetrail.notifications.mail;

import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The text of the e-mails: the notification's type, its reference and a link, nothing else (domain.md:
 * notifications carry no allegation details). Nothing here can reach a summary or details: the
 * delivery record holds none.
 */
@Component
public class MailComposer {

    private final MailProperties properties;

    MailComposer(MailProperties properties) {
        this.properties = properties;
    }

    public record Mail(String subject, String body) {
    }

    /** One item; the reference may be absent (a policy reminder has only its version). */
    public record Item(NotificationType type, Urgency urgency, String reference) {
    }

    public Mail single(Item item) {
        String subject = (item.urgency() == Urgency.URGENT ? "[casetrail, urgent] " : "[casetrail] ")
                + label(item.type()) + (item.reference() == null ? "" : " " + item.reference());
        String body = "You have a casetrail notification.\n\n" + line(item) + "\n\nOpen it in casetrail: " + link()
                + "\n\nThis e-mail carries no details of the matter by design; read them in casetrail.\n";
        return new Mail(subject, body);
    }

    public Mail digest(List<Item> items) {
        StringBuilder body = new StringBuilder("Your casetrail notifications of the last day (")
                .append(items.size()).append("):\n\n");
        items.forEach(item -> body.append("- ").append(line(item)).append('\n'));
        body.append("\nOpen them in casetrail: ").append(link())
                .append("\n\nChange or stop this digest: PUT /api/v1/notifications/preferences\n");
        return new Mail("[casetrail] Daily digest: " + items.size() + " notification" + (items.size() == 1 ? "" : "s"),
                body.toString());
    }

    public String from() {
        return properties.from();
    }

    private String line(Item item) {
        return "Type: " + item.type() + (item.reference() == null ? "" : ", reference: " + item.reference())
                + (item.urgency() == Urgency.URGENT ? " (urgent)" : "");
    }

    private String link() {
        String base = properties.linkBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/notifications";
    }

    private static String label(NotificationType type) {
        String words = type.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
