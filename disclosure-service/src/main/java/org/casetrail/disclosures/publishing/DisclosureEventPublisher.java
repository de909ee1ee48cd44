package org.casetrail.disclosures.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.contracts.Topics;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.platform.axon.AxonEnvelopes;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The outbox of disclosure-service: a tracking processor whose token (in Mongo) moves only after the
 * broker acknowledged each event, because the publisher blocks and handler errors propagate.
 * Only flags leave, and without the counterpart's name or the description.
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
        publisher.publish(Topics.DISCLOSURE_EVENTS, AxonEnvelopes.from(message,
                new org.casetrail.contracts.disclosures.DisclosureFlagged(event.disclosureId(), event.version(),
                        event.declarerId(), event.counterpartType(), event.decision(), event.rule(), event.reason(),
                        event.rule().clause(), event.flaggedAt())));
    }
}
