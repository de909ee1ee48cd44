package org.casetrail.cases.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.cases.lifecycle.api.AppealDecided;
import org.casetrail.cases.lifecycle.api.CaseClosed;
import org.casetrail.cases.lifecycle.api.CaseReopened;
import org.casetrail.cases.lifecycle.api.CaseTriaged;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.ConcernWithdrawn;
import org.casetrail.cases.lifecycle.api.HearingScheduled;
import org.casetrail.cases.lifecycle.api.InformalActionTaken;
import org.casetrail.cases.lifecycle.api.InvestigationOverdue;
import org.casetrail.cases.lifecycle.api.InvestigatorAssigned;
import org.casetrail.cases.lifecycle.api.OutcomeDecided;
import org.casetrail.cases.lifecycle.api.PolicyQueryOverdue;
import org.casetrail.cases.lifecycle.api.SafeguardingAcknowledged;
import org.casetrail.cases.lifecycle.api.SafeguardingAcknowledgementEscalated;
import org.casetrail.cases.lifecycle.api.TriageOverdue;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseResolution;
import org.casetrail.platform.axon.AxonEnvelopes;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The outbox of case-service: a tracking processor whose token (in Mongo) moves only after the
 * broker acknowledged each event, because the publisher blocks and handler errors propagate.
 * Maps domain events to the published language; only what other services need leaves: ids, the
 * reference, the category, the people to route to and the status, never a summary, details, a
 * rationale, a reason, grounds or findings. The people a domain event does not name (the reporter,
 * the subject, the investigator) come from the case's own stream as it stood before the event.
 * One domain event is one integration event, because the envelope's id is the stored event's id.
 */
@Component
@ProcessingGroup(CaseEventPublisher.GROUP)
@DisallowReplay
class CaseEventPublisher {

    static final String GROUP = "case-publisher";

    private final IntegrationEventPublisher publisher;
    private final CaseHistory history;

    CaseEventPublisher(IntegrationEventPublisher publisher, CaseHistory history) {
        this.publisher = publisher;
        this.history = history;
    }

    @EventHandler
    void on(ConcernReported event, DomainEventMessage<ConcernReported> message) {
        publish(message, new org.casetrail.contracts.cases.ConcernReported(
                event.caseId(), event.reference(), event.category(), event.safeguarding(), event.reporterId(),
                event.subject() == null ? null : event.subject().userId(), event.submittedAt()));
    }

    // P8, P10: disclosure-service records the case on the disclosure (linked both ways); ids only.
    @EventHandler
    void on(org.casetrail.cases.lifecycle.api.CaseOpenedFromDisclosure event,
            DomainEventMessage<org.casetrail.cases.lifecycle.api.CaseOpenedFromDisclosure> message) {
        publish(message, new org.casetrail.contracts.cases.CaseOpenedFromDisclosure(event.caseId(),
                event.reference(), event.disclosureId(), event.version(), event.clause(), event.declarerId(),
                event.openedAt()));
    }

    @EventHandler
    void on(CaseTriaged event, DomainEventMessage<CaseTriaged> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.CaseTriaged(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.investigatorId(), facts.subjectUserId(),
                event.triagedAt()));
    }

    @EventHandler
    void on(InvestigatorAssigned event, DomainEventMessage<InvestigatorAssigned> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.InvestigatorAssigned(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), event.investigatorId(), facts.subjectUserId(),
                event.assignedAt()));
    }

    @EventHandler
    void on(HearingScheduled event, DomainEventMessage<HearingScheduled> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.HearingScheduled(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.subjectUserId(), facts.investigatorId(),
                event.decisionMakerId(), event.scheduledFor(), event.noticeGivenAt(), event.companionAllowed()));
    }

    @EventHandler
    void on(OutcomeDecided event, DomainEventMessage<OutcomeDecided> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.OutcomeDecided(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.subjectUserId(), event.decidedBy(), event.decidedAt(),
                event.appealWindowClosesAt()));
    }

    @EventHandler
    void on(AppealDecided event, DomainEventMessage<AppealDecided> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.AppealDecided(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.subjectUserId(), facts.reporterId(), event.decidedBy(),
                event.decidedAt()));
    }

    @EventHandler
    void on(CaseClosed event, DomainEventMessage<CaseClosed> message) {
        closed(message, event.caseId(), CaseResolution.valueOf(event.resolution().name()), event.closedAt());
    }

    // Informal action closes the case without a CaseClosed domain event; for other services it is a closing.
    @EventHandler
    void on(InformalActionTaken event, DomainEventMessage<InformalActionTaken> message) {
        closed(message, event.caseId(), CaseResolution.INFORMAL_ACTION, event.takenAt());
    }

    @EventHandler
    void on(ConcernWithdrawn event, DomainEventMessage<ConcernWithdrawn> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.ConcernWithdrawn(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.reporterId(), facts.subjectUserId(),
                event.withdrawnAt()));
    }

    @EventHandler
    void on(CaseReopened event, DomainEventMessage<CaseReopened> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.CaseReopened(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.reporterId(), facts.subjectUserId(),
                facts.investigatorId(), event.reopenedAt()));
    }

    // Deadlines (domain.md, "any deadline overdue or escalated"): the facts name the subject to keep out.

    @EventHandler
    void on(TriageOverdue event, DomainEventMessage<TriageOverdue> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.TriageOverdue(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.subjectUserId(), event.dueAt(), event.recordedAt()));
    }

    @EventHandler
    void on(PolicyQueryOverdue event, DomainEventMessage<PolicyQueryOverdue> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.PolicyQueryOverdue(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), facts.subjectUserId(), event.dueAt(), event.recordedAt()));
    }

    // P4: the domain event names the investigator whose clock ran out; the facts would name the same one.
    @EventHandler
    void on(InvestigationOverdue event, DomainEventMessage<InvestigationOverdue> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.InvestigationOverdue(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(),
                event.investigatorId() != null ? event.investigatorId() : facts.investigatorId(),
                facts.subjectUserId(), event.dueAt(), event.recordedAt()));
    }

    // P6
    @EventHandler
    void on(SafeguardingAcknowledgementEscalated event, DomainEventMessage<SafeguardingAcknowledgementEscalated> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.SafeguardingEscalated(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), event.level(), facts.subjectUserId(), event.dueAt(),
                event.escalatedAt()));
    }

    // P6: notification-service marks the safeguarding notifications acknowledged from this alone; no note.
    @EventHandler
    void on(SafeguardingAcknowledged event, DomainEventMessage<SafeguardingAcknowledged> message) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.SafeguardingAcknowledged(event.caseId(), facts.reference(),
                facts.category(), facts.safeguarding(), event.acknowledgedBy(), facts.subjectUserId(),
                event.acknowledgedAt()));
    }

    private void closed(DomainEventMessage<?> message, String caseId, CaseResolution resolution,
                        Instant closedAt) {
        CaseFacts facts = factsBefore(message);
        publish(message, new org.casetrail.contracts.cases.CaseClosed(caseId, facts.reference(), facts.category(),
                facts.safeguarding(), facts.reporterId(), facts.subjectUserId(), resolution, closedAt));
    }

    private CaseFacts factsBefore(DomainEventMessage<?> message) {
        return history.before(message.getAggregateIdentifier(), message.getSequenceNumber());
    }

    // Blocking: the token advances only once the broker confirmed (the outbox).
    private void publish(DomainEventMessage<?> message, IntegrationEvent event) {
        publisher.publish(Topics.CASE_EVENTS, AxonEnvelopes.from(message, event));
    }
}
