package org.casetrail.notifications.delivery.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.DeliveryState;
import org.casetrail.notifications.delivery.api.NotificationCommands.AcknowledgeNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.EscalateNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.QueueNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.ReadNotification;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordCaseAcknowledgement;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordNotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationCommands.RecordNotificationSent;
import org.casetrail.notifications.delivery.api.NotificationCommands.ResendNotification;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationAcknowledged;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationEscalated;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationFailed;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationGivenUp;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationQueued;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationRead;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationResendRequested;
import org.casetrail.notifications.delivery.api.NotificationEvents.NotificationSent;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One delivery of one notification to one person on one channel (domain.md, "Notifications": each
 * delivery is recorded with its state, so an auditor can show who was told what and when). Its id
 * is derived from the source event, recipient, type and channel, so a redelivered event finds it
 * already queued and changes nothing.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class Notification {

    @AggregateIdentifier
    private String notificationId;
    private String schoolId;
    private String recipientId;
    private Channel channel;
    private DeliveryState state;
    private boolean acknowledgedOnCase;
    private Instant readAt;
    private Instant acknowledgedAt;
    /** Attempts since it was (re)queued; the retry budget counts these. */
    private int attemptsThisRound;
    /** Every attempt ever made, for the record. */
    private int attempts;
    private final Set<Integer> escalatedLevels = new HashSet<>();
    private final Set<Integer> resentLevels = new HashSet<>();

    Notification() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(QueueNotification command, Clock clock) {
        if (notificationId != null) {
            return; // queued by an earlier delivery of the same event
        }
        apply(new NotificationQueued(command.notificationId(), command.schoolId(), command.recipientId(),
                command.channel(), command.type(), command.urgency(), command.caseId(), command.disclosureId(),
                command.reference(), command.sourceEventId(), command.acknowledgedOnCase(), command.subjectUserId(),
                clock.instant()));
        if (command.channel() == Channel.IN_APP) {
            // Being in the inbox is the in-app delivery.
            apply(new NotificationSent(command.notificationId(), Channel.IN_APP, 1, clock.instant()));
        }
    }

    @CommandHandler
    void handle(RecordNotificationSent command, Clock clock) {
        if (state != DeliveryState.QUEUED && state != DeliveryState.FAILED) {
            return; // a repeated report of the same send
        }
        apply(new NotificationSent(notificationId, channel, attempts + 1, clock.instant()));
    }

    @CommandHandler
    void handle(RecordNotificationFailed command, Clock clock, DeliveryProperties properties) {
        if (state != DeliveryState.QUEUED && state != DeliveryState.FAILED) {
            return;
        }
        Instant now = clock.instant();
        int attempt = attempts + 1;
        String reason = command.reason() == null || command.reason().isBlank() ? "unknown" : command.reason();
        if (attemptsThisRound + 1 >= properties.maxAttempts()) {
            apply(new NotificationFailed(notificationId, attempt, reason, now, null));
            apply(new NotificationGivenUp(notificationId, attempt, reason, now));
        } else {
            apply(new NotificationFailed(notificationId, attempt, reason, now,
                    now.plus(properties.backoffAfter(attemptsThisRound + 1))));
        }
    }

    @CommandHandler
    void handle(ReadNotification command, Clock clock) {
        requireRecipient(command.schoolId(), command.userId());
        if (readAt == null) {
            apply(new NotificationRead(notificationId, clock.instant()));
        }
    }

    /**
     * P6: a safeguarding notification is acknowledged on the case, where case-service records it and
     * stops its escalation clock; an inbox acknowledgement would say "acknowledged" while the case
     * still escalates, so it is refused with the way to do it.
     */
    @CommandHandler
    void handle(AcknowledgeNotification command, Clock clock) {
        requireRecipient(command.schoolId(), command.userId());
        if (acknowledgedAt != null) {
            return;
        }
        if (acknowledgedOnCase) {
            throw new StateConflict("ACKNOWLEDGED_ON_CASE", "A safeguarding notification is acknowledged on the case: "
                    + "POST /api/v1/cases/{caseId}/acknowledge as the DSL; this notification then shows it");
        }
        Instant now = clock.instant();
        if (readAt == null) {
            apply(new NotificationRead(notificationId, now));
        }
        apply(new NotificationAcknowledged(notificationId, command.userId(), false, now));
    }

    @CommandHandler
    void handle(RecordCaseAcknowledgement command, Clock clock) {
        if (acknowledgedAt != null || !acknowledgedOnCase) {
            return;
        }
        Instant at = command.acknowledgedAt() != null ? command.acknowledgedAt() : clock.instant();
        apply(new NotificationAcknowledged(notificationId, command.acknowledgedBy(), true, at));
    }

    @CommandHandler
    boolean handle(EscalateNotification command, Clock clock) {
        if (acknowledgedAt != null) {
            return false;
        }
        if (!escalatedLevels.contains(command.level())) {
            apply(new NotificationEscalated(notificationId, command.level(), clock.instant()));
        }
        return true;
    }

    /** An e-mail still being retried is not sent twice; one that went out (or was given up) goes again. */
    @CommandHandler
    void handle(ResendNotification command, Clock clock) {
        if (channel != Channel.EMAIL || resentLevels.contains(command.level())
                || state == DeliveryState.QUEUED || state == DeliveryState.FAILED) {
            return;
        }
        apply(new NotificationResendRequested(notificationId, command.level(), clock.instant()));
    }

    private void requireRecipient(String schoolId, String userId) {
        if (channel != Channel.IN_APP || !Objects.equals(this.schoolId, schoolId)
                || !Objects.equals(this.recipientId, userId)) {
            throw new NotFound("notification");
        }
    }

    @EventSourcingHandler
    void on(NotificationQueued event) {
        notificationId = event.notificationId();
        schoolId = event.schoolId();
        recipientId = event.recipientId();
        channel = event.channel();
        acknowledgedOnCase = event.acknowledgedOnCase();
        state = DeliveryState.QUEUED;
    }

    @EventSourcingHandler
    void on(NotificationSent event) {
        attempts = event.attempt();
        state = DeliveryState.SENT;
    }

    @EventSourcingHandler
    void on(NotificationFailed event) {
        attempts = event.attempt();
        attemptsThisRound++;
        state = DeliveryState.FAILED;
    }

    @EventSourcingHandler
    void on(NotificationGivenUp event) {
        state = DeliveryState.GIVEN_UP;
    }

    @EventSourcingHandler
    void on(NotificationRead event) {
        readAt = event.readAt();
        state = DeliveryState.READ;
    }

    @EventSourcingHandler
    void on(NotificationAcknowledged event) {
        acknowledgedAt = event.acknowledgedAt();
        state = DeliveryState.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(NotificationEscalated event) {
        escalatedLevels.add(event.level());
    }

    @EventSourcingHandler
    void on(NotificationResendRequested event) {
        resentLevels.add(event.level());
        attemptsThisRound = 0;
        state = DeliveryState.QUEUED;
    }
}
