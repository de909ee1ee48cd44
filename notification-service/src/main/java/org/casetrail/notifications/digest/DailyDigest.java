package org.casetrail.notifications.digest;

import org.casetrail.notifications.directory.DirectoryCopy;
import org.casetrail.notifications.inbox.Inbox;
import org.casetrail.notifications.inbox.InboxEntry;
import org.casetrail.notifications.mail.MailComposer;
import org.casetrail.notifications.preferences.NormalItems;
import org.casetrail.notifications.preferences.Preferences;
import org.casetrail.notifications.routing.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One e-mail per user and day listing the previous day's non-urgent inbox items (type and
 * reference only), for every active user whose preference is DAILY_DIGEST. Each (user, day) is
 * recorded in {@code notification_digests} before the mail goes out, so a second run for the same
 * day sends nothing twice; a failed send is recorded with its reason and tried again by the next run
 * of the same day.
 */
@Component
public class DailyDigest {

    static final String COLLECTION = "notification_digests";
    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final MongoTemplate mongo;
    private final Inbox inbox;
    private final Preferences preferences;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final Clock clock;
    private final ZoneId zone;

    DailyDigest(MongoTemplate mongo, Inbox inbox, Preferences preferences, MailComposer composer,
                JavaMailSender sender, Clock clock, DigestProperties properties) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.preferences = preferences;
        this.composer = composer;
        this.sender = sender;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    /** The digests of the day before today (in the schools' zone); answers how many went out. */
    public int sendForYesterday() {
        return sendFor(LocalDate.now(clock.withZone(zone)).minusDays(1));
    }

    public synchronized int sendFor(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone).toInstant();
        int sent = 0;
        for (DirectoryCopy.DirectoryEntry user : mongo.find(Query.query(Criteria.where("active").is(true)),
                DirectoryCopy.DirectoryEntry.class, "directory_users")) {
            if (user.email() == null || user.email().isBlank()
                    || preferences.of(user.schoolId(), user.id()).normalItems() != NormalItems.DAILY_DIGEST) {
                continue;
            }
            List<MailComposer.Item> items = inbox.of(user.schoolId(), user.id(), from, until).stream()
                    .filter(entry -> entry.urgency() == Urgency.NORMAL)
                    .map(DailyDigest::item).toList();
            if (!items.isEmpty() && send(user, day, items)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(DirectoryCopy.DirectoryEntry user, LocalDate day, List<MailComposer.Item> items) {
        String id = user.id() + ":" + day;
        Query unsent = Query.query(Criteria.where("_id").is(id).and("sentAt").is(null));
        try {
            mongo.upsert(unsent, new Update().setOnInsert("userId", user.id()).setOnInsert("day", day.toString())
                    .setOnInsert("items", items.size()), COLLECTION);
        } catch (DuplicateKeyException alreadySent) {
            return false;
        }
        MailComposer.Mail mail = composer.digest(items);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(composer.from());
        message.setTo(user.email());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("digest {} not sent: {}", id, e.toString());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("failures", 1)
                    .set("lastFailure", e.getClass().getSimpleName() + ": " + e.getMessage()), COLLECTION);
            return false;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("sentAt", clock.instant()),
                COLLECTION);
        return true;
    }

    private static MailComposer.Item item(InboxEntry entry) {
        return new MailComposer.Item(entry.type(), entry.urgency(), entry.reference());
    }
}
