package org.casetrail.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.Document;
import org.casetrail.devstack.MongoMain;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./casetrail bench [--sizes 10000,100000,1000000] [--quick] [--ops N] [--budget-seconds S]}
 *
 * <p>Starts its own embedded MongoDB-wire server exactly as the devstack does ({@link MongoMain}:
 * mongo-java-server on the durable H2 backend, committed on every write) on a temporary directory,
 * and measures, at each store size, side by side: the limit with the plain driver, the Axon Mongo
 * extension as the services are wired today, and casetrail's own engine. See docs/benchmarks.md.
 */
public final class BenchMain {

    static final int EVENTS_PER_CASE = 10;
    static final String AGGREGATE_TYPE = "BenchCase";
    private static final int PREFILL_CHUNK_CASES = 200;

    private final Options options;
    private final MongoClient client;
    private final Serializer generalSerializer = JacksonSerializer.builder().objectMapper(storageObjectMapper())
            .defaultTyping().build();
    private final Serializer eventSerializer = JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    private final Serializer messageSerializer = JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();

    private final MongoCollection<Document> raw;
    private final MongoTemplate extTemplate;
    private final MongoEventStorageEngine extEngine;
    private final CasetrailMongoEventStorageEngine ctEngine;
    private final Configuration extAxon;
    private final Configuration ctAxon;

    /** Number of events stored for case k in the raw collection (the raw path appends to them). */
    private int[] rawLengths = new int[0];
    private int cases;
    private final SplittableRandom random = new SplittableRandom(42);

    record Options(List<Integer> sizes, boolean quick, int ops, Duration budget, Path resultsDir, Path docsDir) {
    }

    private BenchMain(Options options, MongoClient client) {
        this.options = options;
        this.client = client;
        this.raw = client.getDatabase("bench_raw").getCollection("events");
        raw.createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                new IndexOptions().unique(true));

        // The Axon Mongo extension, configured exactly like AxonMongoAutoConfiguration does for the services.
        extTemplate = DefaultMongoTemplate.builder().mongoDatabase(client, "bench_ext").build();
        extEngine = MongoEventStorageEngine.builder()
                .mongoTemplate(extTemplate)
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(generalSerializer)
                .upcasterChain(new EventUpcasterChain())
                .build();
        extEngine.ensureIndexes();

        // casetrail's engine, as docs/adr/0001 recommends wiring it.
        ctEngine = CasetrailMongoEventStorageEngine.builder()
                .database(client.getDatabase("bench_ct"))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(generalSerializer)
                .upcasterChain(new EventUpcasterChain())
                .batchSize(500)
                .build();
        ctEngine.ensureIndexes();

        extAxon = axon(extEngine);
        ctAxon = axon(ctEngine);
    }

    static ObjectMapper storageObjectMapper() {
        // The same settings as platform's AxonMongoAutoConfiguration.storageObjectMapper().
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private Configuration axon(EventStorageEngine engine) {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> generalSerializer)
                .configureEventSerializer(c -> eventSerializer)
                .configureMessageSerializer(c -> messageSerializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(BenchCase.class)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    // ------------------------------------------------------------------------------------- main

    public static void main(String[] argv) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (Arrays.asList(argv).contains("--http")) {
            HttpBench.main(argv);
            return;
        }
        if (Arrays.asList(argv).contains("--intake")) {
            IntakeBench.main(argv);
            return;
        }
        if (Arrays.asList(argv).contains("--replay")) {
            ReplayBench.main(argv);
            return;
        }
        if (Arrays.asList(argv).contains("--report-only")) {
            Report.rewriteFromJson(Path.of("bench-results", "latest.json"));
            return;
        }
        Options options = parse(argv);
        Path dataDir = Files.createTempDirectory("casetrail-bench-");
        System.out.println("casetrail bench: sizes " + options.sizes() + (options.quick() ? " (quick)" : "")
                + ", up to " + options.ops() + " commands or " + options.budget().toSeconds() + " s per measurement");
        String loadAtStart = Report.loadAverage();
        Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
        Instant started = Instant.now();
        try (DevstackMongo mongo = DevstackMongo.start(dataDir)) {
            BenchMain bench = new BenchMain(options, mongo.client());
            try {
                for (int size : options.sizes()) {
                    results.put(size, bench.atSize(size));
                    Report.printTable(results);
                }
            } finally {
                bench.extAxon.shutdown();
                bench.ctAxon.shutdown();
            }
        } finally {
            deleteRecursively(dataDir);
        }
        Report.write(options, results, started, Duration.between(started, Instant.now()), loadAtStart);
    }

    static Options parse(String[] argv) {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        boolean quick = false;
        Integer ops = null;
        Integer budget = null;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--sizes" -> sizes = Arrays.stream(argv[++i].split(",")).map(String::trim)
                        .map(s -> s.replace("_", "")).map(Integer::parseInt).sorted().toList();
                case "--quick" -> quick = true;
                case "--ops" -> ops = Integer.parseInt(argv[++i]);
                case "--budget-seconds" -> budget = Integer.parseInt(argv[++i]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]
                        + " (use --sizes a,b,c --quick --ops N --budget-seconds S)");
            }
        }
        if (quick && Arrays.stream(argv).noneMatch("--sizes"::equals)) {
            sizes = List.of(2_000, 10_000);
        }
        int opsValue = ops != null ? ops : quick ? 200 : 1_000;
        Duration budgetValue = Duration.ofSeconds(budget != null ? budget : quick ? 8 : 30);
        return new Options(sizes, quick, opsValue, budgetValue, Path.of("bench-results"), Path.of("docs"));
    }

    // ----------------------------------------------------------------------------- one size

    private Map<String, Object> atSize(int size) {
        Map<String, Object> r = new LinkedHashMap<>();
        System.out.println();
        System.out.println("== store size " + size + " events ==");
        long t0 = System.nanoTime();
        prefill(size);
        r.put("store_size_events", size);
        r.put("prefill_seconds", round((System.nanoTime() - t0) / 1e9));
        if (size == options.sizes().get(0)) {
            warmUp(size);
        }

        // (a) the limit: the plain driver on the same server
        Stats readInsert = measure("raw read+insert (find by aggregateIdentifier, insertOne)", this::rawReadInsertByFilter);
        r.putAll(readInsert.asMap("raw_read_insert"));
        Stats readInsertById = measure("raw read+insert (_id $in, insertOne)", this::rawReadInsertById);
        r.putAll(readInsertById.asMap("raw_id_read_insert"));
        Stats insertOnly = measure("raw insert only (insertOne)", this::rawInsertOnly);
        r.putAll(insertOnly.asMap("raw_insert"));
        Stats scan = rawSortedScan();
        r.put("raw_sorted_scan_docs", scan.ops);
        r.put("raw_sorted_scan_docs_per_s", round(scan.perSecond()));

        // (b) casetrail's Axon path in-process: the extension as wired today, and casetrail's engine
        Stats extCommands = measure("axon + mongo extension: command (load + append)", () -> command(extAxon));
        r.putAll(extCommands.asMap("ext_command"));
        Stats ctCommands = measure("axon + casetrail engine: command (load + append)", () -> command(ctAxon));
        r.putAll(ctCommands.asMap("ct_command"));
        Stats extRebuild = rebuild("axon + mongo extension: rebuild from the tail", extAxon.eventStore(), size);
        r.put("ext_rebuild_events", extRebuild.ops);
        r.put("ext_rebuild_events_per_s", round(extRebuild.perSecond()));
        Stats ctRebuild = rebuild("axon + casetrail engine: rebuild from the tail", ctAxon.eventStore(), size);
        r.put("ct_rebuild_events", ctRebuild.ops);
        r.put("ct_rebuild_events_per_s", round(ctRebuild.perSecond()));
        return r;
    }

    // ------------------------------------------------------------------------------- pre-fill

    private static String caseId(long k) {
        return new UUID(0xCA5E_7A11L, k).toString();
    }

    /** The full histories of cases {@code fromCase} (inclusive) to {@code toCase}, as every benchmark store is filled. */
    static List<DomainEventMessage<?>> history(int fromCase, int toCase) {
        List<DomainEventMessage<?>> events = new ArrayList<>((toCase - fromCase) * EVENTS_PER_CASE);
        for (int k = fromCase; k < toCase; k++) {
            String id = caseId(k);
            MetaData meta = MetaData.with("actor", "staff-" + (k % 900)).and("correlationId", UUID.randomUUID().toString())
                    .and("schoolId", "school-" + (k % 40));
            events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 0, BenchCase.opened(id, k), meta));
            for (int n = 1; n < EVENTS_PER_CASE; n++) {
                events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, n, BenchCase.note(id, k, n), meta));
            }
        }
        return events;
    }

    /** Bulk-inserts realistic events until each store holds {@code size} events (plus what commands added). */
    private void prefill(int size) {
        int targetCases = size / EVENTS_PER_CASE;
        if (targetCases <= cases) {
            return;
        }
        rawLengths = Arrays.copyOf(rawLengths, targetCases);
        EventEntryConfiguration entryConfiguration = EventEntryConfiguration.getDefault();
        long started = System.nanoTime();
        long lastPrint = started;
        int from = cases;
        while (cases < targetCases) {
            int to = Math.min(targetCases, cases + PREFILL_CHUNK_CASES);
            List<DomainEventMessage<?>> events = history(cases, to);
            List<Document> extDocs = new ArrayList<>(events.size());
            List<Document> rawDocs = new ArrayList<>(events.size());
            for (DomainEventMessage<?> event : events) {
                Document doc = new EventEntry(event, eventSerializer).asDocument(entryConfiguration);
                extDocs.add(doc);
                rawDocs.add(new Document(doc).append("_id", event.getAggregateIdentifier() + ":" + event.getSequenceNumber()));
            }
            extTemplate.eventCollection().insertMany(extDocs, new InsertManyOptions().ordered(false));
            raw.insertMany(rawDocs, new InsertManyOptions().ordered(false));
            ctEngine.importHistory(events);
            for (int k = cases; k < to; k++) {
                rawLengths[k] = EVENTS_PER_CASE;
            }
            cases = to;
            long now = System.nanoTime();
            if (now - lastPrint > 5_000_000_000L || cases == targetCases) {
                lastPrint = now;
                double seconds = (now - started) / 1e9;
                long done = (long) (cases - from) * EVENTS_PER_CASE;
                System.out.printf("  pre-fill: %,d / %,d events in each of 3 stores (%.0f s, %,.0f events/s per store)%n",
                        (long) cases * EVENTS_PER_CASE, (long) targetCases * EVENTS_PER_CASE, seconds, done / seconds);
            }
        }
    }

    // ------------------------------------------------------------------------------ operations

    private int randomCase() {
        return random.nextInt(cases);
    }

    private void rawReadInsertByFilter() {
        int k = randomCase();
        String id = caseId(k);
        List<Document> events = raw.find(Filters.eq("aggregateIdentifier", id))
                .sort(new Document("sequenceNumber", 1)).into(new ArrayList<>());
        if (events.size() != rawLengths[k]) {
            throw new IllegalStateException("raw: expected " + rawLengths[k] + " events of " + id + ", got " + events.size());
        }
        raw.insertOne(nextRawEvent(events.get(events.size() - 1), k));
    }

    private void rawReadInsertById() {
        int k = randomCase();
        String id = caseId(k);
        List<String> ids = new ArrayList<>(rawLengths[k]);
        for (int n = 0; n < rawLengths[k]; n++) {
            ids.add(id + ":" + n);
        }
        List<Document> events = raw.find(Filters.in("_id", ids)).into(new ArrayList<>());
        if (events.size() != rawLengths[k]) {
            throw new IllegalStateException("raw: expected " + rawLengths[k] + " events of " + id + ", got " + events.size());
        }
        events.sort(Comparator.comparingLong(d -> ((Number) d.get("sequenceNumber")).longValue()));
        raw.insertOne(nextRawEvent(events.get(events.size() - 1), k));
    }

    private Document nextRawEvent(Document last, int k) {
        int seq = rawLengths[k];
        Document next = new Document(last);
        next.put("_id", caseId(k) + ":" + seq);
        next.put("sequenceNumber", (long) seq);
        next.put("eventIdentifier", UUID.randomUUID().toString());
        rawLengths[k] = seq + 1;
        return next;
    }

    private long insertOnlyCounter;

    private void rawInsertOnly() {
        long n = insertOnlyCounter++;
        if (insertTemplate == null) {
            insertTemplate = raw.find(Filters.eq("_id", caseId(0) + ":1")).first();
        }
        raw.insertOne(new Document(insertTemplate).append("_id", "insert-only:" + n)
                .append("aggregateIdentifier", "insert-only-" + n).append("sequenceNumber", 0L)
                .append("eventIdentifier", UUID.randomUUID().toString()));
    }

    private Document insertTemplate;

    private void command(Configuration axon) {
        int k = randomCase();
        axon.commandGateway().sendAndWait(new BenchCase.AddNote(caseId(k), "staff-" + k % 900,
                "Follow-up call with the member of staff; statement received and filed."));
    }

    private void warmUp(int size) {
        System.out.println("  warm-up (not recorded)");
        for (int i = 0; i < 50; i++) {
            rawReadInsertByFilter();
            rawReadInsertById();
            command(extAxon);
            command(ctAxon);
        }
        // The first replay otherwise runs on a cold JIT: a probe at 200,000 events read them in 22 s
        // on its first pass and 9 s on its second, as fast as the raw scan.
        rebuild("warm-up (not recorded): casetrail engine rebuild", ctAxon.eventStore(), size);
    }

    // --------------------------------------------------------------------------------- timing

    record Stats(String label, long ops, long nanos, Histogram micros) {
        double perSecond() {
            return nanos == 0 ? 0 : ops / (nanos / 1e9);
        }

        double p50Millis() {
            return micros == null ? 0 : micros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return micros == null ? 0 : micros.getValueAtPercentile(99) / 1000.0;
        }

        Map<String, Object> asMap(String prefix) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(prefix + "_ops", ops);
            m.put(prefix + "_per_s", round(perSecond()));
            m.put(prefix + "_p50_ms", round(p50Millis()));
            m.put(prefix + "_p99_ms", round(p99Millis()));
            return m;
        }
    }

    private Stats measure(String label, Runnable op) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        long budget = options.budget().toNanos();
        long start = System.nanoTime();
        long ops = 0;
        while (ops < options.ops() && System.nanoTime() - start < budget) {
            long t = System.nanoTime();
            op.run();
            histogram.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            ops++;
        }
        Stats stats = new Stats(label, ops, System.nanoTime() - start, histogram);
        System.out.printf("  %-58s %,9.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  (%d ops)%n", label, stats.perSecond(),
                stats.p50Millis(), stats.p99Millis(), ops);
        return stats;
    }

    private Stats rawSortedScan() {
        long start = System.nanoTime();
        long budget = options.budget().toNanos() * 2;
        long n = 0;
        try (var cursor = raw.find().sort(new Document("_id", 1)).batchSize(1000).iterator()) {
            while (cursor.hasNext() && System.nanoTime() - start < budget) {
                cursor.next();
                n++;
            }
        }
        Stats stats = new Stats("raw full sorted scan", n, System.nanoTime() - start, null);
        System.out.printf("  %-58s %,9.0f docs/s (%,d docs)%n", stats.label(), stats.perSecond(), n);
        return stats;
    }

    /** Reads the event stream from the tail, as a tracking processor replaying into a read model does. */
    private Stats rebuild(String label, EventStore store, long target) {
        long start = System.nanoTime();
        long budget = options.budget().toNanos() * 2;
        long n = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (n < target && System.nanoTime() - start < budget) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    break;
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getPayload() == null) {
                    throw new IllegalStateException("empty payload");
                }
                n++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Stats stats = new Stats(label, n, System.nanoTime() - start, null);
        System.out.printf("  %-58s %,9.0f events/s (%,d events%s)%n", label, stats.perSecond(), n,
                n < target ? ", stopped by the time budget" : "");
        return stats;
    }

    // ---------------------------------------------------------------------------------- helpers

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            System.err.println("casetrail bench: could not delete " + dir + ": " + e);
        }
    }
}
