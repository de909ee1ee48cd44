package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's concurrency suite, written once and run on two stores: two "service instances" (two Axon
 * configurations on one database, so Axon's in-JVM aggregate lock does not serialise them) send
 * commands at full speed to a shared aggregate and to their own ones for a fixed time, while a
 * tracking processor on a third configuration reads. Afterwards: no event lost, no sequence
 * duplicated, the processor saw every stored event exactly once and each aggregate's in order, and
 * the only failures the writers met were clean optimistic-concurrency rejections.
 *
 * <p>The run lasts {@code casetrail.concurrency.duration} (ISO-8601, default one minute, as issue 8
 * asks); set it shorter for a quick local check.
 */
abstract class TwoInstancesContract {

    static final String DURATION_PROPERTY = "casetrail.concurrency.duration";
    private static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);
    private static final int CASES = 6;

    /** A client on an empty database of the store under test. */
    protected abstract MongoClient client();

    protected abstract String database();

    static final class Collector {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @EventHandler
        void on(BenchCase.CaseOpened event, @SequenceNumber long seq) {
            seen.add(event.caseId() + ":" + seq);
        }

        @EventHandler
        void on(BenchCase.NoteAdded event, @SequenceNumber long seq) {
            seen.add(event.caseId() + ":" + seq);
        }
    }

    private CasetrailMongoEventStorageEngine engine() {
        Serializer serializer = JacksonSerializer.builder().objectMapper(BenchMain.storageObjectMapper()).build();
        return CasetrailMongoEventStorageEngine.builder()
                .database(client().getDatabase(database()))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(GAP_TIMEOUT)
                .build();
    }

    private static Configuration axon(CasetrailMongoEventStorageEngine engine, Collector collector) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(BenchMain.storageObjectMapper()).build();
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(BenchCase.class);
        if (collector != null) {
            configurer.eventProcessing(ep -> ep.registerTokenStore("collector", c -> new InMemoryTokenStore())
                    .registerTrackingEventProcessor("collector")
                    .registerEventHandler(c -> collector)
                    .assignHandlerInstancesMatching("collector", h -> h == collector));
        }
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return configuration;
    }

    @Test
    void twoInstancesAtFullSpeedLoseNothingDuplicateNothingAndATrackingProcessorSeesEachEventOnceInOrder()
            throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Duration duration = Duration.parse(System.getProperty(DURATION_PROPERTY, DEFAULT_DURATION.toString()));
        CasetrailMongoEventStorageEngine store = engine();
        List<DomainEventMessage<?>> opened = new ArrayList<>();
        for (int k = 0; k < CASES; k++) {
            opened.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>(BenchMain.AGGREGATE_TYPE,
                    "case-" + k, 0, BenchCase.opened("case-" + k, k)));
        }
        store.importHistory(opened);

        Collector collector = new Collector();
        List<Configuration> configurations = new ArrayList<>();
        try {
            configurations.add(axon(engine(), collector));
            List<Configuration> instances = List.of(axon(engine(), null), axon(engine(), null));
            configurations.addAll(instances);

            AtomicLong conflicts = new AtomicLong();
            AtomicLong commands = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            long until = System.nanoTime() + duration.toNanos();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < instances.size(); t++) {
                Configuration instance = instances.get(t);
                int writer = t;
                writers.add(new Thread(() -> {
                    for (int i = 0; System.nanoTime() < until; i++) {
                        // Every other command goes to the aggregate both instances share.
                        String target = i % 2 == 0 ? "case-0" : "case-" + (1 + writer);
                        try {
                            instance.commandGateway().sendAndWait(new BenchCase.AddNote(target, "staff-" + writer, "note " + i));
                            commands.incrementAndGet();
                        } catch (ConcurrencyException | AggregateStreamCreationException e) {
                            conflicts.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                }, "instance-" + t));
            }
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(failures).as("failures other than optimistic-concurrency rejections").isEmpty();

            Map<String, List<Long>> stored = new HashMap<>();
            for (int k = 0; k < CASES; k++) {
                List<Long> seqs = new ArrayList<>();
                DomainEventStream stream = store.readEvents("case-" + k, 0);
                stream.forEachRemaining(e -> seqs.add(e.getSequenceNumber()));
                stored.put("case-" + k, seqs);
            }
            long total = stored.values().stream().mapToLong(List::size).sum();
            assertThat(total).as("events stored = cases opened + commands accepted").isEqualTo(CASES + commands.get());
            stored.forEach((aggregate, seqs) -> assertThat(seqs).as("stored sequences of %s", aggregate)
                    .containsExactlyElementsOf(LongStream.range(0, seqs.size()).boxed().toList()));

            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (collector.seen.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(GAP_TIMEOUT.toMillis()); // a duplicate delivered late would show up now
            List<String> seen = new ArrayList<>(collector.seen);
            assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
            Map<String, List<Long>> tracked = new HashMap<>();
            for (String s : seen) {
                String[] parts = s.split(":");
                tracked.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
            }
            assertThat(tracked).as("tracked per aggregate, in order").isEqualTo(stored);
            System.out.printf("%s for %s: %d commands, %d optimistic-concurrency rejections retried%n",
                    getClass().getSimpleName(), duration, commands.get(), conflicts.get());
        } finally {
            configurations.forEach(Configuration::shutdown);
        }
    }
}
