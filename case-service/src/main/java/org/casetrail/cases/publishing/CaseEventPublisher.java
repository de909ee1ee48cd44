package org.casetrail.cases.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.contracts.Topics;
import org.casetrail.platform.axon.AxonEnvelopes;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The outbox of case-service: a tracking processor whose token (in Mongo) moves only after the
 * broker acknowledged each event, because the publisher blocks and handler errors propagate.
 * Maps domain events to the published language; only what other services need leaves.
 */
@Component
@ProcessingGroup(CaseEventPublisher.GROUP)
@DisallowReplay
class CaseEventPublisher {

    static final String GROUP = "case-publisher";

    private final IntegrationEventPublisher publisher;

    CaseEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ConcernReported event, DomainEventMessage<ConcernReported> message) {
        publisher.publish(Topics.CASE_EVENTS, AxonEnvelopes.from(message, new org.casetrail.contracts.cases.ConcernReported(
                event.caseId(), event.reference(), event.category(), event.safeguarding(), event.reporterId(),
                event.subject() == null ? null : event.subject().userId(), event.submittedAt())));
    }
}
