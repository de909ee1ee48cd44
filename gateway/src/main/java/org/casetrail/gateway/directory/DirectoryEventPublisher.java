package org.casetrail.gateway.directory;

import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The directory's outbox without transactions: a change is saved first, then published, then
 * marked ({@code publishedVersion}). A crash or a broker outage between save and mark leaves a
 * gap that {@link #sweep()} closes at start-up and every {@code republish-interval}. Delivery is
 * at least once; the event id (user id + version) lets consumers drop duplicates.
 *
 * <p>Publication always sends the user's <em>current</em> stored state, under one lock, so a late
 * publication of an old version can never land after a newer one on the compacted topic.
 * (Several gateway instances could still interleave; consumers keep the highest {@code sequence}.)
 */
@Component
public class DirectoryEventPublisher {

    static final String AGGREGATE_TYPE = "User";
    private static final Logger log = LoggerFactory.getLogger(DirectoryEventPublisher.class);

    private final DirectoryStore store;
    private final IntegrationEventPublisher publisher;
    private final Object lock = new Object();

    public DirectoryEventPublisher(DirectoryStore store, IntegrationEventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Publishes the user's latest change if not yet acknowledged; failures are logged and left to the sweep. */
    public void publishPending(String userId) {
        try {
            synchronized (lock) {
                store.findById(userId).filter(DirectoryUser::unpublished).ifPresent(this::publish);
            }
        } catch (RuntimeException e) {
            log.warn("directory user {} not published yet, the sweep will retry: {}", userId, e.getMessage());
        }
    }

    /** Publishes every user with an unacknowledged change; returns how many were published. */
    @Scheduled(initialDelayString = "${casetrail.gateway.directory.republish-interval:30s}",
            fixedDelayString = "${casetrail.gateway.directory.republish-interval:30s}")
    public int sweep() {
        int published = 0;
        try {
            synchronized (lock) {
                List<DirectoryUser> pending = store.findUnpublished();
                for (DirectoryUser user : pending) {
                    publish(user);
                    published++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("directory sweep stopped after {} users, will retry: {}", published, e.getMessage());
        }
        if (published > 0) {
            log.info("published {} directory users", published);
        }
        return published;
    }

    private void publish(DirectoryUser user) {
        publisher.publish(Topics.DIRECTORY_EVENTS, envelope(user));
        store.markPublished(user.userId(), user.version());
    }

    static EventEnvelope envelope(DirectoryUser user) {
        DirectoryUserChanged event = new DirectoryUserChanged(user.userId(), user.schoolId(), user.username(),
                user.displayName(), user.email(), user.roles(), user.active());
        String eventId = UUID.nameUUIDFromBytes((user.userId() + ":" + user.version())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(eventId, IntegrationEvents.typeOf(DirectoryUserChanged.class),
                IntegrationEvents.versionOf(DirectoryUserChanged.class), user.changedAt(), user.schoolId(),
                AGGREGATE_TYPE, user.userId(), user.version(), user.correlationId(), user.correlationId(),
                user.changedBy(), IntegrationEvents.toPayload(event));
    }
}
