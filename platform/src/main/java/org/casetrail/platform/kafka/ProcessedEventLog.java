package org.casetrail.platform.kafka;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.casetrail.contracts.EventEnvelope;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.Date;
import java.util.function.Consumer;

/**
 * Remembers which integration events a consumer has handled, by their envelope's {@code eventId},
 * so that Kafka's at-least-once delivery has exactly-once effect. Handlers should still be
 * idempotent themselves: a crash between the effect and {@link #markProcessed} redelivers.
 */
public class ProcessedEventLog {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEventLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Handles an envelope at most once in effect for {@code consumer}: an envelope without an event id
     * or school is a poison message; one handled before is skipped; otherwise {@code handler} runs and
     * the id is remembered only after it returned.
     *
     * @param origin where the envelope came from (topic and offset), for the poison message's reason
     */
    public void handleOnce(String consumer, EventEnvelope envelope, String origin, Consumer<EventEnvelope> handler) {
        if (envelope.eventId() == null || envelope.schoolId() == null) {
            throw new PoisonMessage("envelope without eventId or schoolId at " + origin);
        }
        if (alreadyProcessed(consumer, envelope.eventId())) {
            return;
        }
        handler.accept(envelope);
        markProcessed(consumer, envelope.eventId());
    }

    public boolean alreadyProcessed(String consumer, String eventId) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", key(consumer, eventId))).first() != null;
    }

    public void markProcessed(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key(consumer, eventId))
                    .append("processedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
