package org.casetrail.notifications.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.notifications.delivery.api.Channel;
import org.casetrail.notifications.delivery.api.NotificationCommands.QueueNotification;
import org.casetrail.notifications.delivery.api.NotificationIds;
import org.casetrail.notifications.preferences.NormalItems;
import org.casetrail.notifications.preferences.Preferences;
import org.casetrail.notifications.routing.Audience;
import org.casetrail.notifications.routing.CaseParties;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.RoutingTable;
import org.casetrail.notifications.routing.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one routed event into {@code Notification}s: an in-app one for every person a row reaches,
 * and an e-mail one too when the item is urgent (always) or the person wants normal items e-mailed.
 * Ids derive from the event, person, type and channel, so a redelivered event queues nothing new.
 *
 * <p>All of one event's notifications are queued in one unit of work: each is still its own
 * aggregate, created by its own command with its own hash-chained events, but their events reach the
 * event store in one append (one allocation of global sequences, one insert of event documents, one
 * of commit documents) and the subscribing views in one batch. At 50 reports a second the embedded
 * Mongo-wire server's commits per append, not the work itself, were what limited the intake
 * (docs/benchmarks-http.md).
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Recipients recipients;
    private final Preferences preferences;
    private final CommandGateway commands;

    Notifier(Recipients recipients, Preferences preferences, CommandGateway commands) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.commands = commands;
    }

    void notify(EventEnvelope envelope, IntegrationEvent event, CaseParties parties) {
        // Who is told and how is decided first, outside the unit of work: a route nobody can be
        // resolved for fails the event before anything is queued.
        List<QueueNotification> queue = new ArrayList<>();
        for (RoutingTable.Route route : RoutingTable.routesFor(event)) {
            Set<String> people = recipients.of(route, envelope.schoolId(), parties);
            if (people.isEmpty() && route.audience().stream().noneMatch(Audience.HoldersOf.class::isInstance)) {
                // A named person the event does not name (no investigator yet at a first triage): expected.
                log.debug("nobody named for '{}' ({})", route.description(), envelope.eventId());
            } else if (people.isEmpty()) {
                log.warn("nobody to tell for '{}' in school {} ({})", route.description(), envelope.schoolId(),
                        envelope.eventId());
            }
            boolean acknowledgedOnCase = acknowledgedOnCase(event, route);
            for (String person : people) {
                queue.add(command(envelope, parties, route.type(), route.urgency(), person, Channel.IN_APP,
                        acknowledgedOnCase));
                if (route.urgency() == Urgency.URGENT
                        || preferences.of(envelope.schoolId(), person).normalItems() == NormalItems.EMAIL) {
                    queue.add(command(envelope, parties, route.type(), route.urgency(), person, Channel.EMAIL, false));
                }
            }
        }
        queueTogether(queue);
    }

    /**
     * Sends the commands inside one root unit of work: each command's own (nested) unit of work hands
     * its events to the root, which appends them together when it commits. If any command fails,
     * nothing is appended and the event is retried; one that finds its notification already queued
     * (a redelivery after a crash) adds nothing.
     */
    private void queueTogether(List<QueueNotification> queue) {
        if (queue.isEmpty()) {
            return;
        }
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            for (QueueNotification command : queue) {
                commands.sendAndWait(command);
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("queueing the notifications of one event failed", failure);
        }
    }

    /**
     * P6: the safeguarding concern's notification asks for the DSL's acknowledgement, which only
     * case-service records; the inbox shows it once case-service says so.
     */
    static boolean acknowledgedOnCase(IntegrationEvent event, RoutingTable.Route route) {
        return event instanceof ConcernReported concern && concern.safeguarding()
                && route.type() == NotificationType.CONCERN_REPORTED && route.urgency() == Urgency.URGENT;
    }

    private static QueueNotification command(EventEnvelope envelope, CaseParties parties, NotificationType type,
                                             Urgency urgency, String person, Channel channel,
                                             boolean acknowledgedOnCase) {
        return new QueueNotification(NotificationIds.of(envelope.eventId(), person, type.name(), channel),
                envelope.schoolId(), person, channel, type, urgency, parties.caseId(), parties.disclosureId(),
                parties.reference(), envelope.eventId(), acknowledgedOnCase, parties.subjectUserId());
    }
}
