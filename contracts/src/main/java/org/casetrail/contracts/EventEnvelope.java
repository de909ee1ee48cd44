package org.casetrail.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The wrapper of every integration event on Kafka (architecture.md, "How events flow").
 * {@code eventId} is stable across redeliveries so that consumers can be idempotent;
 * {@code sequence} is the aggregate's own sequence, so ordering per aggregate can be checked.
 */
public record EventEnvelope(
        String eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String schoolId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String correlationId,
        String causationId,
        Actor actor,
        JsonNode payload) {
}
