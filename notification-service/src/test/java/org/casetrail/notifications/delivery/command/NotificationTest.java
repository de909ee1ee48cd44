package org.casetrail.notifications.delivery.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.notifications.delivery.api.Channel;
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
import org.casetrail.notifications.delivery.api.NotificationIds;
import org.casetrail.notifications.routing.NotificationType;
import org.casetrail.notifications.routing.Urgency;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of one delivery, one test per rule. */
class NotificationTest {

    private static final Instant NOW = Instant.parse("2030-01-09T09:00:00Z");
    private static final String ID = "n-1";

    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new DeliveryProperties(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1), 3));
    }

    @Test
    void anInAppNotificationIsDeliveredWhenQueued() {
        fixture.givenNoPriorActivity()
                .when(queue(Channel.IN_APP, false))
                .expectEvents(queued(Channel.IN_APP, false), new NotificationSent(ID, Channel.IN_APP, 1, NOW));
    }

    @Test
    void queueingTheSameNotificationAgainChangesNothing() {
        fixture.given(queued(Channel.EMAIL, false))
                .when(queue(Channel.EMAIL, false))
                .expectNoEvents();
    }

    @Test
    void aFailedEmailIsRetriedWithExponentialBackoffAndGivenUpAfterTheConfiguredAttempts() {
        fixture.given(queued(Channel.EMAIL, false))
                .when(new RecordNotificationFailed(ID, "connection refused"))
                .expectEvents(new NotificationFailed(ID, 1, "connection refused", NOW, NOW.plusSeconds(30)));
        fixture.given(queued(Channel.EMAIL, false), new NotificationFailed(ID, 1, "r", NOW, NOW.plusSeconds(30)))
                .when(new RecordNotificationFailed(ID, "connection refused"))
                .expectEvents(new NotificationFailed(ID, 2, "connection refused", NOW, NOW.plusSeconds(60)));
        fixture.given(queued(Channel.EMAIL, false), new NotificationFailed(ID, 1, "r", NOW, NOW.plusSeconds(30)),
                        new NotificationFailed(ID, 2, "r", NOW, NOW.plusSeconds(60)))
                .when(new RecordNotificationFailed(ID, "connection refused"))
                .expectEvents(new NotificationFailed(ID, 3, "connection refused", NOW, null),
                        new NotificationGivenUp(ID, 3, "connection refused", NOW));
    }

    @Test
    void backoffIsCappedAtTheMaximumInterval() {
        DeliveryProperties properties = new DeliveryProperties(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1), 9);
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(8)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aSendAfterAFailureCountsEveryAttempt() {
        fixture.given(queued(Channel.EMAIL, false), new NotificationFailed(ID, 1, "r", NOW, NOW.plusSeconds(30)))
                .when(new RecordNotificationSent(ID))
                .expectEvents(new NotificationSent(ID, Channel.EMAIL, 2, NOW));
    }

    @Test
    void aGivenUpEmailTakesNoFurtherReports() {
        fixture.given(queued(Channel.EMAIL, false), new NotificationFailed(ID, 1, "r", NOW, null),
                        new NotificationGivenUp(ID, 1, "r", NOW))
                .when(new RecordNotificationSent(ID))
                .expectNoEvents();
    }

    @Test
    void onlyTheRecipientMayReadOrAcknowledgeIt() {
        fixture.given(queued(Channel.IN_APP, false))
                .when(new ReadNotification(ID, "school", "someone-else"))
                .expectException(NotFound.class);
        fixture.given(queued(Channel.IN_APP, false))
                .when(new AcknowledgeNotification(ID, "other-school", "recipient"))
                .expectException(NotFound.class);
    }

    @Test
    void acknowledgingImpliesReadingAndHappensOnce() {
        fixture.given(queued(Channel.IN_APP, false))
                .when(new AcknowledgeNotification(ID, "school", "recipient"))
                .expectEvents(new NotificationRead(ID, NOW), new NotificationAcknowledged(ID, "recipient", false, NOW));
        fixture.given(queued(Channel.IN_APP, false), new NotificationAcknowledged(ID, "recipient", false, NOW))
                .when(new AcknowledgeNotification(ID, "school", "recipient"))
                .expectNoEvents();
    }

    @Test
    void aSafeguardingNotificationCannotBeAcknowledgedInTheInbox() {
        fixture.given(queued(Channel.IN_APP, true))
                .when(new AcknowledgeNotification(ID, "school", "recipient"))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void aSafeguardingNotificationIsAcknowledgedWhenTheCaseRecordedIt() {
        Instant onCase = NOW.minusSeconds(60);
        fixture.given(queued(Channel.IN_APP, true))
                .when(new RecordCaseAcknowledgement(ID, "dsl", onCase))
                .expectEvents(new NotificationAcknowledged(ID, "dsl", true, onCase));
        fixture.given(queued(Channel.IN_APP, false))
                .when(new RecordCaseAcknowledgement(ID, "dsl", onCase))
                .expectNoEvents();
    }

    @Test
    void anUnacknowledgedNotificationIsEscalatedOncePerLevel() {
        fixture.given(queued(Channel.IN_APP, false))
                .when(new EscalateNotification(ID, 1))
                .expectEvents(new NotificationEscalated(ID, 1, NOW))
                .expectResultMessagePayload(true);
        fixture.given(queued(Channel.IN_APP, false), new NotificationEscalated(ID, 1, NOW))
                .when(new EscalateNotification(ID, 1))
                .expectNoEvents()
                .expectResultMessagePayload(true);
        fixture.given(queued(Channel.IN_APP, false), new NotificationAcknowledged(ID, "recipient", false, NOW))
                .when(new EscalateNotification(ID, 1))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aSentEmailIsResentOncePerLevelButOneStillRetryingIsNot() {
        fixture.given(queued(Channel.EMAIL, false), new NotificationSent(ID, Channel.EMAIL, 1, NOW))
                .when(new ResendNotification(ID, 1))
                .expectEvents(new NotificationResendRequested(ID, 1, NOW));
        fixture.given(queued(Channel.EMAIL, false), new NotificationSent(ID, Channel.EMAIL, 1, NOW),
                        new NotificationResendRequested(ID, 1, NOW), new NotificationSent(ID, Channel.EMAIL, 2, NOW))
                .when(new ResendNotification(ID, 1))
                .expectNoEvents();
        fixture.given(queued(Channel.EMAIL, false), new NotificationFailed(ID, 1, "r", NOW, NOW.plusSeconds(30)))
                .when(new ResendNotification(ID, 1))
                .expectNoEvents();
    }

    @Test
    void idsDeriveFromEventRecipientTypeAndChannel() {
        assertThat(NotificationIds.of("e", "u", "T", Channel.IN_APP)).isEqualTo(NotificationIds.of("e", "u", "T", Channel.IN_APP))
                .isNotEqualTo(NotificationIds.of("e", "u", "T", Channel.EMAIL))
                .isNotEqualTo(NotificationIds.of("e", "v", "T", Channel.IN_APP));
    }

    private static QueueNotification queue(Channel channel, boolean onCase) {
        return new QueueNotification(ID, "school", "recipient", channel, NotificationType.CONCERN_REPORTED,
                Urgency.URGENT, "c-1", null, "CT-2030-000001", "e-1", onCase, null);
    }

    private static NotificationQueued queued(Channel channel, boolean onCase) {
        return new NotificationQueued(ID, "school", "recipient", channel, NotificationType.CONCERN_REPORTED,
                Urgency.URGENT, "c-1", null, "CT-2030-000001", "e-1", onCase, null, NOW);
    }
}
