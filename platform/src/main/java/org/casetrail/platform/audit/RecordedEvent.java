package org.casetrail.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of an aggregate's history exactly as the event store holds it (api.md, history): the
 * payload as recorded (not re-read through today's Java classes), its metadata, and its links in
 * the chain.
 */
public record RecordedEvent(long sequence, String type, String payloadType, String payloadRevision, String aggregateType,
                            String eventId, Instant occurredAt,
                            String actorId, String actorRole, String schoolId, String correlationId,
                            String causationId, String requestId, JsonNode payload, String hash,
                            String previousHash) {
}
