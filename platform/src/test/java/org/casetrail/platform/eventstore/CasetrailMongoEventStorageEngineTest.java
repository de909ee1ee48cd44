package org.casetrail.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.casetrail.platform.audit.ChainVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Correctness of the engine on the real embedded MongoDB-wire server (memory backend). */
class CasetrailMongoEventStorageEngineTest {

    record Noted(String text, int n) {
    }

    private static MongoServer server;
    private static MongoClient client;
    private static int dbCounter;

    private MongoDatabase db;
    private CasetrailMongoEventStorageEngine engine;
    private final AtomicLong nowMillis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(nowMillis.get()); }
    };

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void newDatabase() {
        db = client.getDatabase("engine" + (++dbCounter));
        engine = engine(db);
    }

    private CasetrailMongoEventStorageEngine engine(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.builder().build();
        return CasetrailMongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(Duration.ofSeconds(5))
                .clock(clock)
                .batchSize(50)
                .build();
    }

    private static DomainEventMessage<Noted> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Case", aggregate, seq, new Noted(aggregate + "#" + seq, (int) seq));
    }

    private List<DomainEventMessage<?>> load(String aggregate) {
        DomainEventStream stream = engine.readEvents(aggregate, 0);
        List<DomainEventMessage<?>> result = new ArrayList<>();
        stream.forEachRemaining(result::add);
        return result;
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        try (var stream = engine.readEvents(from, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    @Test
    void appendedEventsLoadBackInOrderWithPayloadAndMetadata() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        engine.appendEvents(List.of(event("b", 0)));
        engine.appendEvents(List.of(event("a", 2).andMetaData(Map.of("actor", "hr-1"))));

        List<DomainEventMessage<?>> a = load("a");
        assertThat(a).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(a).extracting(m -> (Object) m.getPayload())
                .containsExactly(new Noted("a#0", 0), new Noted("a#1", 1), new Noted("a#2", 2));
        assertThat(a.get(2).getMetaData()).containsEntry("actor", "hr-1");
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(engine.readEvents("a", 2).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(2L);
        assertThat(readAll(null)).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + ":"
                + ((DomainEventMessage<?>) m).getSequenceNumber()).containsExactly("a:0", "a:1", "b:0", "a:2");
    }

    @Test
    void aggregatesLongerThanOneBatchLoadCompletely() {
        for (int i = 0; i < 120; i++) {
            engine.appendEvents(List.of(event("long", i)));
        }
        assertThat(load("long")).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 120).boxed().toList());
        assertThat(readAll(null)).hasSize(120);
    }

    @Test
    void optimisticConcurrencyRejectsTheLoser() {
        engine.appendEvents(List.of(event("a", 0)));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 0))))
                .isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
        engine.appendEvents(List.of(event("a", 1)));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 1))))
                .isInstanceOf(ConcurrencyException.class);
        // The losers' documents are never delivered.
        assertThat(load("a")).extracting(m -> (Object) m.getPayload())
                .containsExactly(new Noted("a#0", 0), new Noted("a#1", 1));
        assertThat(readAll(null)).hasSize(2);
    }

    @Test
    void oneAppendToSeveralAggregatesCommitsThemInOrderAndStopsAtTheFirstConflictAsSeparateAppendsWould() {
        engine.appendEvents(List.of(event("a", 0), event("b", 0), event("b", 1), event("c", 0)));
        assertThat(load("a")).hasSize(1);
        assertThat(load("b")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(load("c")).hasSize(1);

        // Another writer got to y first: x, before it, is committed; z, after it, is not tried.
        engine.appendEvents(List.of(event("y", 0)));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("x", 0), event("y", 0), event("z", 0))))
                .isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
        assertThat(load("x")).hasSize(1);
        assertThat(load("y")).extracting(m -> (Object) m.getPayload()).containsExactly(new Noted("y#0", 0));
        assertThat(load("z")).isEmpty();
        engine.appendEvents(List.of(event("z", 0), event("x", 1)));
        assertThat(load("z")).hasSize(1);
        assertThat(load("x")).hasSize(2);
        assertThat(readAll(null)).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + ":"
                + ((DomainEventMessage<?>) m).getSequenceNumber())
                .containsExactlyInAnyOrder("a:0", "b:0", "b:1", "c:0", "y:0", "x:0", "z:0", "x:1");
        for (String aggregate : List.of("a", "b", "c", "x", "y", "z")) {
            assertThat(ChainVerifier.verify(engine.chainedEvents(aggregate),
                    engine.streamHead(aggregate).orElseThrow().headHash()).valid()).as(aggregate).isTrue();
        }
    }

    @Test
    void aStreamLeftBehindByAWriterThatStoppedAfterCommittingIsRepairedByTheNextLoad() {
        engine.appendEvents(List.of(event("a", 0)));
        engine.appendEvents(List.of(event("a", 1)));
        // The writer of a:1 committed, then stopped before recording the commit in the stream document.
        db.getCollection("ct_streams").updateOne(Filters.eq("_id", "a"), new Document("$unset", new Document("b.0", "")));
        assertThat(readAll(null)).as("trackers deliver from the commit").hasSize(2);

        assertThat(load("a")).as("so loads see the same batch").extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L);
        assertThat(engine.lastSequenceNumberFor("a")).contains(1L);
        engine.appendEvents(List.of(event("a", 2)));
        assertThat(readAll(null)).hasSize(3);
    }

    @Test
    void aStreamLeftBehindByAWriterThatStoppedAfterCommittingIsRepairedByTheNextConflict() {
        engine.appendEvents(List.of(event("a", 0)));
        engine.appendEvents(List.of(event("a", 1)));
        db.getCollection("ct_streams").updateOne(Filters.eq("_id", "a"), new Document("$unset", new Document("b.0", "")));

        // A writer that loaded before the repair appends after sequence 0 and loses to the stored commit.
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 1)))).isInstanceOf(ConcurrencyException.class);
        assertThat(load("a")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        engine.appendEvents(List.of(event("a", 2)));
        assertThat(readAll(null)).hasSize(3);
    }

    @Test
    void theFirstBatchOfAnAggregateWhoseStreamWasNeverWrittenIsVisibleToLoads() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        // The writer stopped after the commit and before creating the stream document at all.
        db.getCollection("ct_streams").deleteOne(Filters.eq("_id", "a"));

        assertThat(readAll(null)).hasSize(2);
        assertThat(load("a")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    }

    @Test
    void aReplayInIdChunksDeliversExactlyWhatTheIdWindowsDeliver() {
        for (int i = 0; i < 120; i++) {
            engine.appendEvents(List.of(event("agg-" + (i % 7), i / 7)));
            if (i == 40) {
                engine.allocate(1); // a gap
            }
            if (i == 60) {
                assertThatThrownBy(() -> engine.appendEvents(List.of(event("agg-0", 0))))
                        .isInstanceOfAny(AggregateStreamCreationException.class, ConcurrencyException.class);
            }
        }
        CasetrailMongoEventStorageEngine scanning = CasetrailMongoEventStorageEngine.builder()
                .database(db).eventSerializer(JacksonSerializer.builder().build())
                .snapshotSerializer(JacksonSerializer.builder().build())
                .clock(clock).batchSize(50).replayScanMinimum(1).build();
        List<String> windows = readAll(null).stream().map(TrackedEventMessage::getIdentifier).toList();
        List<String> scanned;
        try (var stream = scanning.readEvents(null, false)) {
            scanned = stream.map(TrackedEventMessage::getIdentifier).toList();
        }
        assertThat(windows).hasSize(120);
        assertThat(scanned).isEqualTo(windows);
    }

    @Test
    void nonDomainEventsAreTracked() {
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage(new Noted("plain", 7))));
        assertThat(readAll(null)).extracting(m -> (Object) m.getPayload()).containsExactly(new Noted("plain", 7));
    }

    @Test
    void concurrentWritersLoseNothingAndATrackingReaderSeesEveryEventOnceInAggregateOrder() throws Exception {
        int threads = 4;
        int perThread = 150;
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong conflicts = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // Half of the appends go to one shared aggregate, half to the thread's own.
                        String aggregate = i % 2 == 0 ? "shared" : "own-" + thread;
                        while (true) {
                            long next = engine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
                            try {
                                engine.appendEvents(List.of(event(aggregate, next)));
                                break;
                            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        List<TrackedEventMessage<?>> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            TrackingToken token = null;
            try {
                while (true) {
                    boolean stillWriting = writing.get();
                    List<TrackedEventMessage<?>> batch = readAll(token);
                    for (TrackedEventMessage<?> m : batch) {
                        seen.add(m);
                        token = m.trackingToken();
                    }
                    if (!stillWriting && batch.isEmpty()) {
                        return;
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        writers.forEach(Thread::start);
        reader.start();
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        writing.set(false);
        reader.join(60_000);
        failures.forEach(Throwable::printStackTrace);
        assertThat(failures).isEmpty();
        assertThat(reader.isAlive()).isFalse();

        int total = threads * perThread;
        Map<String, List<Long>> stored = new HashMap<>();
        for (String aggregate : allAggregates(threads)) {
            stored.put(aggregate, load(aggregate).stream().map(DomainEventMessage::getSequenceNumber).toList());
        }
        assertThat(stored.values().stream().mapToInt(List::size).sum()).isEqualTo(total);
        stored.forEach((aggregate, seqs) -> assertThat(seqs)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, seqs.size()).boxed().toList()));

        // Every committed event exactly once, per aggregate in sequence order.
        assertThat(seen).hasSize(total);
        assertThat(seen.stream().map(TrackedEventMessage::getIdentifier).collect(Collectors.toSet())).hasSize(total);
        Map<String, List<Long>> tracked = new HashMap<>();
        for (TrackedEventMessage<?> m : seen) {
            DomainEventMessage<?> d = (DomainEventMessage<?>) m;
            tracked.computeIfAbsent(d.getAggregateIdentifier(), k -> new ArrayList<>()).add(d.getSequenceNumber());
        }
        assertThat(tracked).isEqualTo(stored);
        // Concurrent appends and their conflicts never break a chain.
        for (String aggregate : allAggregates(threads)) {
            assertThat(ChainVerifier.verify(engine.chainedEvents(aggregate),
                    engine.streamHead(aggregate).orElseThrow().headHash()).valid()).as(aggregate).isTrue();
        }
        // Each committed event has its own global sequence, and each token covers the one before.
        List<Long> globals = new ArrayList<>();
        for (Document commit : db.getCollection("ct_commits").find()) {
            commit.getList("g", Number.class).forEach(n -> globals.add(n.longValue()));
        }
        assertThat(globals).hasSize(total).doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).trackingToken().covers(seen.get(i - 1).trackingToken())).isTrue();
        }
        System.out.println("conflicts retried: " + conflicts.get());
    }

    private static List<String> allAggregates(int threads) {
        List<String> result = new ArrayList<>(List.of("shared"));
        for (int t = 0; t < threads; t++) {
            result.add("own-" + t);
        }
        return result;
    }

    @Test
    void aReservedButNeverWrittenSequenceIsSkippedAfterTheGapTimeoutAndCanNoLongerBeWritten() {
        engine.appendEvents(List.of(event("a", 0)));
        long reserved = engine.allocate(1); // a writer that allocated and then died
        engine.appendEvents(List.of(event("a", 1)));

        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).hasSize(2);
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(reserved);

        nowMillis.addAndGet(Duration.ofSeconds(6).toMillis());
        assertThat(readAll(token)).isEmpty(); // decides the gap: a tombstone claims it
        assertThat(db.getCollection("ct_events").find(Filters.eq("_id", reserved)).first())
                .containsEntry("dead", true);

        engine.appendEvents(List.of(event("a", 2)));
        List<TrackedEventMessage<?>> next = readAll(token);
        assertThat(next).hasSize(1);
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aWholeBatchOfUndecidedSequencesIsLookedPastAndStaysGapsOfTheToken() {
        // Writers that allocated more than one fetch batch (50 here) and have not written yet, then
        // an event behind them: the reader must deliver it, keeping every undecided id as a gap.
        long lastReserved = engine.allocate(60);
        engine.appendEvents(List.of(event("a", 0)));

        List<TrackedEventMessage<?>> read = readAll(null);

        assertThat(read).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(lastReserved + 1);
        assertThat(token.getGaps()).hasSize(60).first().isEqualTo(lastReserved - 59);
    }

    @Test
    void aWrittenButUncommittedBatchIsDeliveredOnlyOnceCommittedAndRolledForwardAfterTheTimeout() {
        engine.appendEvents(List.of(event("a", 0)));
        // Simulate a writer that inserted its event document and stopped before committing it.
        engine.appendEvents(List.of(event("tmp", 0)));
        Document template = db.getCollection("ct_events").find(Filters.eq("a", "tmp")).first();
        db.getCollection("ct_events").deleteOne(Filters.eq("a", "tmp"));
        db.getCollection("ct_streams").deleteOne(Filters.eq("_id", "tmp"));
        db.getCollection("ct_commits").deleteOne(Filters.eq("a", "tmp"));
        long g = engine.allocate(1);
        template.put("_id", g);
        template.put("a", "a");
        template.put("s", 1L);
        template.put("bf", g);
        template.put("bc", 1);
        template.put("c", "a@0");
        db.getCollection("ct_events").insertOne(template);
        engine.appendEvents(List.of(event("b", 0)));

        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).extracting(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()).containsExactly("a", "b");
        TrackingToken token = first.get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).contains(g);
        assertThat(load("a")).hasSize(1);

        nowMillis.addAndGet(Duration.ofSeconds(6).toMillis());
        List<TrackedEventMessage<?>> rolled = readAll(token);
        assertThat(rolled).extracting(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).containsExactly(1L);
        assertThat(load("a")).hasSize(2);
    }

    @Test
    void snapshotsAreKeptPerAggregateNewestWins() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1), event("a", 2)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "a", 2, new Noted("state@2", 2)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "a", 1, new Noted("state@1", 1)));
        DomainEventMessage<?> snapshot = engine.readSnapshot("a").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(2);
        assertThat(snapshot.getPayload()).isEqualTo(new Noted("state@2", 2));
        assertThat(engine.readSnapshot("b")).isEmpty();
        // The event store loads the snapshot, then the events after it.
        engine.appendEvents(List.of(event("a", 3)));
        assertThat(engine.readEvents("a", snapshot.getSequenceNumber() + 1).asStream()
                .map(DomainEventMessage::getSequenceNumber)).containsExactly(3L);
        var store = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            assertThat(store.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(2L, 3L);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void concurrentAllocationsNeverOverlap() throws Exception {
        Set<Long> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!all.add(engine.allocate(1))) {
                        duplicates.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(duplicates.get()).isZero();
        assertThat(all).hasSize(800);
    }

    @Test
    void headTokenStartsAfterEverythingStored() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        TrackingToken head = engine.createHeadToken();
        assertThat(readAll(head)).isEmpty();
        engine.appendEvents(List.of(event("a", 2)));
        assertThat(readAll(head)).hasSize(1);
        assertThat(engine.createTailToken()).isNull();
    }
}
