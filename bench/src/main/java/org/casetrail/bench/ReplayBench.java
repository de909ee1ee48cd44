package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.Document;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./casetrail bench --replay [--events N] [--rounds R]}: the rebuild against the raw sorted scan
 * with nothing else in the JVM or on the server. One store of casetrail's engine only (the full
 * benchmark keeps three stores side by side in one server inside its own JVM, which at 1,000,000
 * events each measures memory pressure as much as the engine), filled by bulk import, then per
 * round: the raw sorted scan of its event collection, and a replay from the tail through Axon's
 * {@link EmbeddedEventStore} with every payload deserialized, as a tracking processor rebuilding a
 * read model reads it. The first round runs on a cold JIT; compare the later ones.
 */
final class ReplayBench {

    private static final int IMPORT_CASES = 200;
    private static final int WAIT_SECONDS = 30;

    private ReplayBench() {
    }

    static void main(String[] argv) throws Exception {
        int events = 1_000_000;
        int rounds = 2;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--replay" -> { }
                case "--events" -> events = Integer.parseInt(argv[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(argv[++i]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]
                        + " (use --replay --events N --rounds R)");
            }
        }
        Path dataDir = Files.createTempDirectory("casetrail-replay-bench-");
        System.out.printf("casetrail bench --replay: %,d events, %d rounds; load average %s%n", events, rounds,
                Report.loadAverage());
        try (DevstackMongo mongo = DevstackMongo.start(dataDir)) {
            MongoClient client = mongo.client();
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(BenchMain.storageObjectMapper()).build();
            CasetrailMongoEventStorageEngine engine = CasetrailMongoEventStorageEngine.builder()
                    .database(client.getDatabase("replay")).eventSerializer(serializer).snapshotSerializer(serializer)
                    .upcasterChain(new EventUpcasterChain()).batchSize(500).build();
            engine.ensureIndexes();
            long t0 = System.nanoTime();
            fill(engine, events);
            System.out.printf("  filled by bulk import in %.1f s%n", seconds(t0));
            for (int round = 1; round <= rounds; round++) {
                t0 = System.nanoTime();
                long scanned = 0;
                double firstAfter = 0;
                try (MongoCursor<Document> cursor = client.getDatabase("replay").getCollection("ct_events").find()
                        .sort(new Document("_id", 1)).batchSize(1000).iterator()) {
                    while (cursor.hasNext()) {
                        cursor.next();
                        if (scanned++ == 0) {
                            firstAfter = seconds(t0);
                        }
                    }
                }
                double scan = seconds(t0);
                System.out.printf("  round %d: raw sorted scan   %,d documents in %.1f s (%,.0f/s; first after %.1f s)%n",
                        round, scanned, scan, scanned / scan, firstAfter);
                EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
                t0 = System.nanoTime();
                long replayed = 0;
                firstAfter = 0;
                try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                    while (replayed < events && stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        if (stream.nextAvailable().getPayload() == null) {
                            throw new IllegalStateException("empty payload");
                        }
                        if (replayed++ == 0) {
                            firstAfter = seconds(t0);
                        }
                    }
                } finally {
                    store.shutDown();
                }
                double replay = seconds(t0);
                System.out.printf("  round %d: replay (rebuild)  %,d events in %.1f s (%,.0f/s; first after %.1f s): %.2f of the raw scan%n",
                        round, replayed, replay, replayed / replay, firstAfter, (replayed / replay) / (scanned / scan));
            }
        } finally {
            BenchMain.deleteRecursively(dataDir);
        }
    }

    private static void fill(CasetrailMongoEventStorageEngine engine, int events) {
        int cases = events / BenchMain.EVENTS_PER_CASE;
        for (int from = 0; from < cases; from += IMPORT_CASES) {
            engine.importHistory(BenchMain.history(from, Math.min(cases, from + IMPORT_CASES)));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
