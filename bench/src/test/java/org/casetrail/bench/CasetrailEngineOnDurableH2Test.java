package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casetrail.devstack.MongoMain;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * casetrail's engine on the devstack's durable H2 backend, through Axon's real command path: two
 * "service instances" (two Axon configurations on one database, so Axon's in-JVM aggregate lock does
 * not serialise them) send commands concurrently to a shared aggregate and to their own ones, while a
 * tracking event processor on a third configuration reads. Nothing is lost, nothing is duplicated,
 * and the processor sees each aggregate's events in sequence order.
 */
class CasetrailEngineOnDurableH2Test {

    @TempDir
    Path dataDir;

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

    private static CasetrailMongoEventStorageEngine engine(MongoClient client) {
        Serializer serializer = JacksonSerializer.builder().objectMapper(BenchMain.storageObjectMapper()).build();
        return CasetrailMongoEventStorageEngine.builder()
                .database(client.getDatabase("h2test"))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(Duration.ofSeconds(2))
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
    void twoInstancesCommandingConcurrentlyLoseNothingAndATrackingProcessorSeesEverythingOnceInOrder() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MongoServer server = MongoMain.start(dataDir, port);
        List<Configuration> configurations = new ArrayList<>();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port);
        try {
            int cases = 6;
            List<DomainEventMessage<?>> history = new ArrayList<>();
            for (int k = 0; k < cases; k++) {
                String id = "case-" + k;
                history.add(new GenericDomainEventMessage<>(BenchMain.AGGREGATE_TYPE, id, 0, BenchCase.opened(id, k)));
            }
            engine(client).importHistory(history);

            Collector collector = new Collector();
            Configuration reader = axon(engine(client), collector);
            configurations.add(reader);
            List<Configuration> instances = List.of(axon(engine(client), null), axon(engine(client), null));
            configurations.addAll(instances);

            int perThread = 40;
            AtomicInteger conflicts = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Configuration instance = instances.get(t);
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String target = i % 2 == 0 ? "case-0" : "case-" + (1 + thread);
                        while (true) {
                            try {
                                instance.commandGateway().sendAndWait(new BenchCase.AddNote(target, "staff-" + thread, "note " + i));
                                break;
                            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                                conflicts.incrementAndGet();
                            } catch (Throwable e) {
                                failures.add(e);
                                return;
                            }
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();

            int expected = cases + 2 * perThread;
            long deadline = System.currentTimeMillis() + 60_000;
            while (collector.seen.size() < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // anything extra (a duplicate) would show up now
            List<String> seen = new ArrayList<>(collector.seen);
            assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
            Map<String, List<Long>> perAggregate = new HashMap<>();
            for (String s : seen) {
                String[] parts = s.split(":");
                perAggregate.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
            }
            perAggregate.forEach((aggregate, seqs) -> assertThat(seqs)
                    .as("events of %s in order", aggregate)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, seqs.size()).boxed().toList()));
            assertThat(perAggregate.get("case-0")).hasSize(1 + perThread);
            System.out.println("optimistic-concurrency conflicts retried: " + conflicts.get());
        } finally {
            configurations.forEach(Configuration::shutdown);
            client.close();
            server.shutdownNow();
        }
    }
}
