package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.Topics;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.contracts.cases.ConcernReported;
import org.casetrail.contracts.directory.DirectoryUserChanged;
import org.casetrail.devstack.Component;
import org.casetrail.devstack.Devstack;
import org.casetrail.devstack.Ports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./casetrail bench --intake [--events 1000] [--rate 50] [--warm-up 200]}
 *
 * <p>notification-service's intake on its own, to find what limits stored → notified (issue 8):
 * starts the Mongo-wire server (durable H2 backend), Kafka, the mail catcher and the
 * notification-service jar as the devstack does, publishes a directory (a DSL, a Principal and a
 * reporter of one school), then publishes {@code events} safeguarding {@code ConcernReported}
 * envelopes straight to the case topic at {@code rate} per second, and times each from its
 * publication (acknowledged by the broker) to the {@code createdAt} of the DSL's in-app notification
 * in the {@code inbox} collection: when notification-service queued it, in the unit of work that
 * also writes the inbox entry (same machine, same clock), so the figure is short of "visible in the
 * inbox" by that unit of work's append and view writes. The events/s is the rate at which the
 * processed-event log filled. No case-service, no gateway, no HTTP poll: what is measured is the
 * service's intake alone. Also prints each process's CPU time per event, to show where the time
 * goes. Prints, writes nothing.
 */
final class IntakeBench {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Duration HEALTH = Duration.ofMinutes(4);
    private static final String SCHOOL = "bench-school";
    private static final String DSL = "bench-dsl";
    private static final String PRINCIPAL = "bench-principal";
    private static final String REPORTER = "bench-reporter";

    private final Devstack stack;
    private final KafkaProducer<String, String> producer;
    private final MongoDatabase notifications;

    private IntakeBench(Devstack stack, MongoClient mongo) {
        this.stack = stack;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        this.notifications = mongo.getDatabase(Component.NOTIFICATION_SERVICE.database());
    }

    static void main(String[] argv) throws Exception {
        int events = 1000;
        int rate = 50;
        int warmUp = 200;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--intake" -> { }
                case "--events" -> events = Integer.parseInt(argv[++i]);
                case "--rate" -> rate = Integer.parseInt(argv[++i]);
                case "--warm-up" -> warmUp = Integer.parseInt(argv[++i]);
                default -> throw new IllegalArgumentException("unknown option " + argv[i]
                        + " (use --intake --events N --rate R --warm-up W)");
            }
        }
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = Files.createTempDirectory("casetrail-intake-bench-");
        System.out.println("casetrail bench --intake: " + events + " events at " + rate + "/s after " + warmUp
                + " warm-up events; load average " + Report.loadAverage());
        try (Devstack stack = Devstack.builder().dataDir(dataDir).repoRoot(repoRoot).ports(Ports.randomFree())
                .components(EnumSet.of(Component.MONGO, Component.KAFKA, Component.MAIL, Component.NOTIFICATION_SERVICE))
                .classpath(repoRoot.resolve("devstack/target/devstack.jar").toString())
                .healthTimeout(HEALTH).out(System.out).build()) {
            Thread stopOnSignal = new Thread(stack::close, "stop-devstack");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            stack.start();
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                IntakeBench bench = new IntakeBench(stack, mongo);
                bench.publishDirectory();
                if (warmUp > 0) {
                    System.out.println("warm-up:");
                    bench.measure(warmUp, Math.min(rate, 20));
                }
                System.out.println("measurement:");
                bench.measure(events, rate);
                bench.producer.close();
            }
            System.out.println("load average at the end " + Report.loadAverage());
        } finally {
            BenchMain.deleteRecursively(dataDir);
        }
    }

    private void publishDirectory() throws Exception {
        user(DSL, Role.DSL, Role.STAFF);
        user(PRINCIPAL, Role.PRINCIPAL, Role.STAFF);
        user(REPORTER, Role.STAFF);
        long deadline = System.nanoTime() + HEALTH.toNanos();
        while (notifications.getCollection("directory_users").find(Filters.in("_id", DSL, PRINCIPAL, REPORTER))
                .into(new ArrayList<>()).size() < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the directory did not reach notification-service");
            }
            Thread.sleep(100);
        }
    }

    private void user(String id, Role... roles) throws Exception {
        send(Topics.DIRECTORY_EVENTS, id, envelope(new DirectoryUserChanged(id, SCHOOL, id, "User " + id,
                id + "@example.org", Set.of(roles), true), "User", id));
    }

    private void measure(int count, int rate) throws Exception {
        Map<String, Instant> publishedAt = new ConcurrentHashMap<>();
        Map<String, CpuTime> cpuBefore = cpu();
        long processedBefore = notifications.getCollection("processed_events").estimatedDocumentCount();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            if (sent.get() >= count) {
                return;
            }
            sent.incrementAndGet();
            String caseId = UUID.randomUUID().toString();
            EventEnvelope envelope = envelope(new ConcernReported(caseId, "SG-" + caseId.substring(0, 8),
                    CaseCategory.SAFEGUARDING, true, REPORTER, null, Instant.now()), "Case", caseId);
            String inboxId = dslNotificationId(envelope.eventId());
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, IntegrationEvents.toJson(envelope)),
                    (metadata, failure) -> {
                        if (failure == null) {
                            publishedAt.put(inboxId, Instant.now());
                        }
                    });
        }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
        // Done when every event is in the processed-event log, which is written after its notifications.
        // Polled by a count once in a while: polling the inbox itself for hundreds of pending ids costs
        // the embedded server as much as the service's own work does.
        long deadline = start + TimeUnit.SECONDS.toNanos(count / rate) + DRAIN.toNanos();
        long processed = 0;
        while (System.nanoTime() < deadline && processed < count) {
            Thread.sleep(POLL.toMillis());
            processed = notifications.getCollection("processed_events").estimatedDocumentCount() - processedBefore;
        }
        long end = System.nanoTime();
        clock.shutdownNow();
        Map<String, CpuTime> cpuAfter = cpu();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        List<String> ids = new ArrayList<>(publishedAt.keySet());
        int notified = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            for (Document doc : notifications.getCollection("inbox")
                    .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 500))))
                    .projection(Projections.include("createdAt"))) {
                Instant created = doc.getDate("createdAt").toInstant();
                latency.recordValue(Math.max(0, Duration.between(publishedAt.get(doc.getString("_id")), created)
                        .toNanos() / 1_000));
                notified++;
            }
        }
        double seconds = (end - start) / 1e9;
        System.out.printf("  %d published at %d/s, %d in the DSL's inbox, %d not within %.0f s; %.1f events/s "
                        + "(first publish to last processed %.1f s); published→queued p50 %.0f ms, p90 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms%n",
                publishedAt.size(), rate, notified, publishedAt.size() - notified, seconds, processed / seconds, seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        StringBuilder cpu = new StringBuilder("  CPU per event:");
        for (Map.Entry<String, CpuTime> e : cpuAfter.entrySet()) {
            CpuTime before = cpuBefore.get(e.getKey());
            if (before != null) {
                cpu.append(String.format(" %s %.1f ms;", e.getKey(),
                        (e.getValue().millis() - before.millis()) / (double) Math.max(1, processed)));
            }
        }
        System.out.println(cpu);
        Document counts = new Document();
        for (String collection : List.of("ct_events", "ct_commits", "inbox", "deliveries", "mail_queue", "processed_events")) {
            counts.append(collection, notifications.getCollection(collection).estimatedDocumentCount());
        }
        System.out.println("  documents now: " + counts.toJson());
    }

    /** The DSL's in-app notification id, as notification-service's NotificationIds derives it (event|person|type). */
    private static String dslNotificationId(String eventId) {
        String key = eventId + "|" + DSL + "|CONCERN_REPORTED";
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private record CpuTime(long millis) {
    }

    /** utime + stime of each process of the stack and its children, from /proc (Linux). */
    private Map<String, CpuTime> cpu() {
        Map<String, CpuTime> result = new LinkedHashMap<>();
        for (Component c : List.of(Component.MONGO, Component.KAFKA, Component.NOTIFICATION_SERVICE)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(stack.pid(c)), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                result.put(c.displayName(), new CpuTime(ticks * 10)); // USER_HZ = 100 on Linux
            } catch (Exception e) {
                // not Linux, or the process is gone: no CPU figure
            }
        }
        return result;
    }

    private static EventEnvelope envelope(IntegrationEvent payload, String aggregateType, String aggregateId) {
        return new EventEnvelope(UUID.randomUUID().toString(), IntegrationEvents.typeOf(payload.getClass()),
                IntegrationEvents.versionOf(payload.getClass()), Instant.now(), SCHOOL, aggregateType, aggregateId,
                1, "bench", "bench", Actor.system("bench"), IntegrationEvents.toPayload(payload));
    }

    private void send(String topic, String key, EventEnvelope envelope) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, IntegrationEvents.toJson(envelope))).get();
    }
}
