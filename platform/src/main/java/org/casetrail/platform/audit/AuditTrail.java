package org.casetrail.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine.ChainedEvent;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine.StreamHead;
import org.casetrail.platform.eventstore.EventChain;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generic read side of the audit (docs/audit.md), shared by every service: an aggregate's
 * recorded history with its chain, the chain's verification, and its events up to an instant for a
 * point-in-time fold. Services add who may read what.
 */
public class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CasetrailMongoEventStorageEngine engine;
    private final EventStore eventStore;

    public AuditTrail(EventStorageEngine storage, EventStore eventStore) {
        this.engine = storage instanceof CasetrailMongoEventStorageEngine casetrail ? casetrail : null;
        this.eventStore = eventStore;
    }

    /** False when the service runs on the axon-mongo engine, which keeps no chain. */
    public boolean chained() {
        return engine != null;
    }

    public Optional<StreamHead> head(String aggregateId) {
        return chainEngine().streamHead(aggregateId);
    }

    public ChainVerification verify(String aggregateId) {
        CasetrailMongoEventStorageEngine chain = chainEngine();
        return ChainVerifier.verify(chain.chainedEvents(aggregateId),
                chain.streamHead(aggregateId).map(StreamHead::headHash).orElse(null));
    }

    /** Every stored event of the aggregate in chain order, as recorded; a deleted one is left out (verification names it). */
    public List<RecordedEvent> history(String aggregateId) {
        List<RecordedEvent> result = new ArrayList<>();
        for (ChainedEvent event : chainEngine().chainedEvents(aggregateId)) {
            Document doc = event.document();
            if (doc != null) {
                result.add(recorded(event, doc));
            }
        }
        return result;
    }

    /**
     * The aggregate's events with a timestamp at or before {@code asOf}, in sequence order, read from
     * sequence 0 past any snapshot (a snapshot is a state, not the history). Works on either engine.
     */
    public List<DomainEventMessage<?>> eventsUpTo(String aggregateId, Instant asOf) {
        List<DomainEventMessage<?>> result = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            result.add(message);
        }
        return result;
    }

    CasetrailMongoEventStorageEngine engine() {
        return chainEngine();
    }

    private CasetrailMongoEventStorageEngine chainEngine() {
        if (engine == null) {
            throw new AuditChainUnavailable();
        }
        return engine;
    }

    private static RecordedEvent recorded(ChainedEvent event, Document doc) {
        EventChain.Stored stored = event.stored();
        JsonNode metadata = parse(stored.metadata());
        String payloadType = stored.payloadType();
        String type = payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return new RecordedEvent(stored.sequence(), type, payloadType, stored.payloadRevision(), stored.aggregateType(),
                stored.eventId(),
                stored.timestamp() == null ? null : Instant.parse(stored.timestamp()),
                text(metadata, "actorId"), text(metadata, "actorRole"), text(metadata, "schoolId"),
                text(metadata, "correlationId"), text(metadata, "causationId"), text(metadata, "requestId"),
                parse(stored.payload()), event.hash(), event.previousHash());
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // A tampered document may not even be JSON: shown as the text it holds, verification names it.
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
