package org.casetrail.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;

/**
 * Wraps a domain event's integration form in the envelope, taking ids and audit metadata from the
 * stored event. The event id is the stored event's id, so a re-publish after a crash carries the
 * same id and consumers recognise it.
 */
public final class AxonEnvelopes {

    private AxonEnvelopes() {
    }

    public static EventEnvelope from(DomainEventMessage<?> event, IntegrationEvent payload) {
        Class<? extends IntegrationEvent> type = payload.getClass();
        return new EventEnvelope(
                event.getIdentifier(),
                IntegrationEvents.typeOf(type),
                IntegrationEvents.versionOf(type),
                event.getTimestamp(),
                metadata(event, AuditMetadata.SCHOOL_ID),
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                metadata(event, AuditMetadata.CORRELATION_ID),
                metadata(event, AuditMetadata.CAUSATION_ID),
                new Actor(metadata(event, AuditMetadata.ACTOR_ID), metadata(event, AuditMetadata.ACTOR_ROLE)),
                IntegrationEvents.toPayload(payload));
    }

    private static String metadata(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
