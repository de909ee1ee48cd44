package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The process {@link KilledWriterContract} kills: appends batches of events to a few aggregates as
 * fast as it can, and prints one line per batch once {@code appendEvents} has returned, so the test
 * knows which batches were acknowledged before the kill.
 *
 * <p>Arguments: mongo URI, database, batch size, number of aggregates.
 */
public final class AppendingWriter {

    /** One event of a batch: the batch's id and the event's place in it. */
    public record Chunk(String batch, int index, int size) {
    }

    static final String COMMITTED = "committed";

    private AppendingWriter() {
    }

    static CasetrailMongoEventStorageEngine engine(MongoClient client, String database, Duration gapTimeout) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(BenchMain.storageObjectMapper()).build();
        return CasetrailMongoEventStorageEngine.builder()
                .database(client.getDatabase(database))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(gapTimeout)
                .build();
    }

    public static void main(String[] args) {
        String uri = args[0];
        String database = args[1];
        int batchSize = Integer.parseInt(args[2]);
        int aggregates = Integer.parseInt(args[3]);
        try (MongoClient client = MongoClients.create(uri)) {
            // The gap timeout only matters to readers; this process never reads the global stream.
            CasetrailMongoEventStorageEngine engine = engine(client, database, Duration.ofSeconds(1));
            for (long n = 0; ; n++) {
                String aggregate = "stream-" + (n % aggregates);
                long next = engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
                String batch = UUID.randomUUID().toString();
                List<DomainEventMessage<?>> events = new ArrayList<>();
                for (int i = 0; i < batchSize; i++) {
                    events.add(new GenericDomainEventMessage<>("Stream", aggregate, next + i, new Chunk(batch, i, batchSize)));
                }
                try {
                    engine.appendEvents(events);
                } catch (ConcurrencyException | AggregateStreamCreationException e) {
                    // What a service does with a conflict: the command is retried on fresh state. A
                    // stream left behind by a killed writer is repaired by the conflict itself.
                    System.out.println("conflict " + aggregate + " " + e.getMessage());
                    continue;
                }
                System.out.println(COMMITTED + " " + aggregate + " " + batch);
                System.out.flush();
            }
        }
    }
}
