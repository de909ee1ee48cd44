package org.casetrail.disclosures.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.disclosures.ApproachesRepeated;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureAwaitingReview;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationDue;
import org.casetrail.contracts.disclosures.DisclosureReconfirmationOverdue;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.PolicyAcknowledgementDue;
import org.casetrail.contracts.disclosures.PolicyVersionPublished;
import org.casetrail.disclosures.approach.api.RepeatedApproachesNoted;
import org.casetrail.disclosures.policy.api.PolicyAcknowledgementReminded;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.disclosures.relationship.api.DisclosureReevaluated;
import org.casetrail.disclosures.relationship.api.ReconfirmationOverdueReported;
import org.casetrail.disclosures.relationship.api.ReconfirmationReminderSent;
import org.casetrail.platform.axon.AxonEnvelopes;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox of disclosure-service: a tracking processor whose token (in Mongo) moves only after the
 * broker acknowledged each event, because the publisher blocks and handler errors propagate.
 * Nothing leaves with the counterpart's name or the description: ids, types, decisions and dates only.
 * The envelope's school, actor and correlation are the stored event's metadata.
 */
@Component
@ProcessingGroup(DisclosureEventPublisher.GROUP)
@DisallowReplay
class DisclosureEventPublisher {

    static final String GROUP = "disclosure-publisher";

    private final IntegrationEventPublisher publisher;

    DisclosureEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(DisclosureFlagged event, DomainEventMessage<DisclosureFlagged> message) {
        publish(message, new org.casetrail.contracts.disclosures.DisclosureFlagged(event.disclosureId(), event.version(),
                event.declarerId(), event.counterpartType(), event.decision(), event.rule(), event.reason(),
                event.rule().clause(), event.flaggedAt()));
    }

    /** P8, P10: a PERMITTED_TRANSPARENT version (declared or amended) waits for the Principal's review. */
    @EventHandler
    void on(DisclosureDecided event, DomainEventMessage<DisclosureDecided> message) {
        if (event.decision() == DisclosureDecision.PERMITTED_TRANSPARENT) {
            publish(message, awaitingReview(event.disclosureId(), event.version(), event.declarerId(),
                    event.counterpartType(), event.decision(), event.rule(), event.decidedAt()));
        }
    }

    /**
     * Published when the decision changed (a re-evaluation that changes nothing is in the history, not
     * in the Principal's inbox). Should it ever turn a version PERMITTED_TRANSPARENT, the review request
     * follows under an id derived from this event's, so consumers deduplicating by id keep both.
     */
    @EventHandler
    void on(DisclosureReevaluated event, DomainEventMessage<DisclosureReevaluated> message) {
        if (!event.changed()) {
            return;
        }
        publish(message, new org.casetrail.contracts.disclosures.DisclosureReevaluated(event.disclosureId(),
                event.version(), event.declarerId(), event.counterpartType(), event.previousDecision(), event.decision(),
                event.rule(), event.reason(), event.effectiveOn(), event.reevaluatedAt()));
        if (event.decision() == DisclosureDecision.PERMITTED_TRANSPARENT) {
            EventEnvelope envelope = AxonEnvelopes.from(message, awaitingReview(event.disclosureId(), event.version(),
                    event.declarerId(), event.counterpartType(), event.decision(), event.rule(), event.reevaluatedAt()));
            publisher.publish(Topics.DISCLOSURE_EVENTS, withDerivedId(envelope, "awaiting-review"));
        }
    }

    @EventHandler
    void on(ReconfirmationReminderSent event, DomainEventMessage<ReconfirmationReminderSent> message) {
        publish(message, new DisclosureReconfirmationDue(event.disclosureId(), event.declarerId(), event.dueOn(),
                event.reminder(), event.remindedAt()));
    }

    @EventHandler
    void on(ReconfirmationOverdueReported event, DomainEventMessage<ReconfirmationOverdueReported> message) {
        publish(message, new DisclosureReconfirmationOverdue(event.disclosureId(), event.declarerId(), event.dueOn(),
                event.reportedAt()));
    }

    /** A run of approaches from one counterpart, for the DSL: who recorded the latest, never the counterpart. */
    @EventHandler
    void on(RepeatedApproachesNoted event, DomainEventMessage<RepeatedApproachesNoted> message) {
        publish(message, new ApproachesRepeated(event.approachId(), event.recorderId(), event.counterpartType(),
                event.approachesInWindow(), event.windowDays(), event.firstOccurredAt(), event.lastOccurredAt()));
    }

    /** P2: every staff member of the school is to acknowledge it. The text stays here; the title and day travel. */
    @EventHandler
    void on(org.casetrail.disclosures.policy.api.PolicyVersionPublished event,
            DomainEventMessage<org.casetrail.disclosures.policy.api.PolicyVersionPublished> message) {
        publish(message, new PolicyVersionPublished(event.version(), event.title(), event.effectiveFrom(),
                event.publishedAt()));
    }

    @EventHandler
    void on(PolicyAcknowledgementReminded event, DomainEventMessage<PolicyAcknowledgementReminded> message) {
        publish(message, new PolicyAcknowledgementDue(event.version(), event.userId(), event.reminder(),
                event.remindedAt()));
    }

    private void publish(DomainEventMessage<?> message, IntegrationEvent payload) {
        publisher.publish(Topics.DISCLOSURE_EVENTS, AxonEnvelopes.from(message, payload));
    }

    private static DisclosureAwaitingReview awaitingReview(String disclosureId, int version, String declarerId,
                                                           CounterpartType type,
                                                           DisclosureDecision decision, DisclosureRule rule,
                                                           Instant decidedAt) {
        return new DisclosureAwaitingReview(disclosureId, version, declarerId, type, decision, rule, rule.clause(),
                decidedAt);
    }

    /** A second integration event from one stored event: a stable id of its own, the same on a re-publish. */
    static EventEnvelope withDerivedId(EventEnvelope envelope, String suffix) {
        String id = UUID.nameUUIDFromBytes((envelope.eventId() + ":" + suffix).getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(id, envelope.eventType(), envelope.schemaVersion(), envelope.occurredAt(),
                envelope.schoolId(), envelope.aggregateType(), envelope.aggregateId(), envelope.sequence(),
                envelope.correlationId(), envelope.causationId(), envelope.actor(), envelope.payload());
    }
}
