package org.casetrail.bench;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A process killed mid-append leaves no half-visible event" (issue 8), with a real process and a
 * real {@code kill -9}: an {@link AppendingWriter} JVM appends multi-event batches at full speed and
 * is killed at a random moment, several times over on the same store. Afterwards each batch is
 * either wholly visible or not at all, both to an aggregate load and to a tracking reader (before
 * and after a reader rolls a written-but-uncommitted batch forward); every batch the writer was
 * told was stored is there; the tracking reader sees each event once, in each aggregate's order;
 * and every aggregate still takes its next append.
 */
abstract class KilledWriterContract {

    private static final int BATCH = 5;
    private static final int AGGREGATES = 4;
    private static final int KILLS = 4;
    private static final int BATCHES_BEFORE_KILL = 40;
    private static final int MAX_KILL_DELAY_MS = 40;
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WRITER_START = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int BATCH_ID_LENGTH = 36; // a UUID

    @TempDir
    Path workDir;

    protected abstract MongoClient client();

    protected abstract String uri();

    protected abstract String database();

    @Test
    void aWriterKilledMidAppendLeavesNoHalfVisibleBatchAndLosesNothingItWasToldWasStored() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < KILLS; round++) {
            acknowledged.addAll(runWriterAndKillIt(workDir.resolve("writer-" + round + ".out")));
        }
        CasetrailMongoEventStorageEngine engine = AppendingWriter.engine(client(), database(), GAP_TIMEOUT);

        Map<String, List<AppendingWriter.Chunk>> beforeRollForward = loadAll(engine);
        beforeRollForward.forEach(KilledWriterContract::assertWholeBatches);

        List<TrackedEventMessage<?>> tracked = track(engine);
        Map<String, List<AppendingWriter.Chunk>> stored = loadAll(engine);
        stored.forEach(KilledWriterContract::assertWholeBatches);

        Set<String> visibleBatches = stored.values().stream().flatMap(List::stream)
                .map(AppendingWriter.Chunk::batch).collect(Collectors.toSet());
        assertThat(visibleBatches).as("every batch the writer was told was stored").containsAll(acknowledged);

        assertThat(tracked.stream().map(TrackedEventMessage::getIdentifier).collect(Collectors.toSet()))
                .as("each event tracked once").hasSize(tracked.size());
        Map<String, List<AppendingWriter.Chunk>> trackedPerAggregate = new HashMap<>();
        for (TrackedEventMessage<?> message : tracked) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            trackedPerAggregate.computeIfAbsent(event.getAggregateIdentifier(), k -> new ArrayList<>())
                    .add((AppendingWriter.Chunk) event.getPayload());
        }
        assertThat(trackedPerAggregate).as("tracked = stored, per aggregate in order").isEqualTo(stored);

        for (String aggregate : stored.keySet()) {
            long next = engine.lastSequenceNumberFor(aggregate).orElseThrow() + 1;
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Stream", aggregate, next,
                    new AppendingWriter.Chunk("after", 0, 1))));
            assertThat(load(engine, aggregate)).hasSize((int) next + 1);
        }
        System.out.printf("%s: %d kills, %d batches acknowledged, %d visible%n", getClass().getSimpleName(), KILLS,
                acknowledged.size(), visibleBatches.size());
    }

    /**
     * Starts a writer, lets it get into its stride, kills it with SIGKILL at a random moment. Its
     * output goes to a file, not a pipe: a killed process's pipe is closed with whatever was still
     * in it, while every line the writer wrote before dying is in the file.
     */
    private Set<String> runWriterAndKillIt(Path output) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Xmx256m", "-Daxoniq.update-checker.disabled=true",
                AppendingWriter.class.getName(), uri(), database(), String.valueOf(BATCH), String.valueOf(AGGREGATES))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + WRITER_START.toNanos();
            while (acknowledgedIn(output).size() < BATCHES_BEFORE_KILL) {
                assertThat(writer.isAlive()).as("the writer runs; its output:%n%s", Files.readString(output)).isTrue();
                assertThat(System.nanoTime()).as("the writer gets going").isLessThan(deadline);
                Thread.sleep(POLL.toMillis());
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(MAX_KILL_DELAY_MS));
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        return acknowledgedIn(output);
    }

    private static Set<String> acknowledgedIn(Path output) throws IOException {
        try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
            // A line cut short by the kill has no batch id yet, and is not an acknowledgement.
            return lines.map(line -> line.split(" "))
                    .filter(parts -> parts.length == 3 && parts[0].equals(AppendingWriter.COMMITTED)
                            && parts[2].length() == BATCH_ID_LENGTH)
                    .map(parts -> parts[2])
                    .collect(Collectors.toSet());
        }
    }

    private Map<String, List<AppendingWriter.Chunk>> loadAll(CasetrailMongoEventStorageEngine engine) {
        Map<String, List<AppendingWriter.Chunk>> result = new HashMap<>();
        for (int a = 0; a < AGGREGATES; a++) {
            String aggregate = "stream-" + a;
            List<DomainEventMessage<?>> events = load(engine, aggregate);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).getSequenceNumber()).as("%s is gapless", aggregate).isEqualTo(i);
            }
            result.put(aggregate, events.stream().map(e -> (AppendingWriter.Chunk) e.getPayload()).toList());
        }
        return result;
    }

    private static List<DomainEventMessage<?>> load(CasetrailMongoEventStorageEngine engine, String aggregate) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = engine.readEvents(aggregate, 0);
        stream.forEachRemaining(events::add);
        return events;
    }

    /**
     * Reads like a tracking processor: polls on while batches come, and past an empty one for
     * twice the gap timeout, which the engine counts from when it first saw an undecided sequence:
     * so what a killed writer left undecided is decided (rolled forward or declared dead) on the way.
     */
    private static List<TrackedEventMessage<?>> track(CasetrailMongoEventStorageEngine engine) throws InterruptedException {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        TrackingToken token = null;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < GAP_TIMEOUT.multipliedBy(2).toNanos()) {
            List<TrackedEventMessage<?>> batch;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                batch = stream.collect(Collectors.toList());
            }
            if (batch.isEmpty()) {
                Thread.sleep(POLL.toMillis());
                continue;
            }
            all.addAll(batch);
            token = batch.get(batch.size() - 1).trackingToken();
            quietSince = System.nanoTime();
        }
        return all;
    }

    private static void assertWholeBatches(String aggregate, List<AppendingWriter.Chunk> chunks) {
        assertThat(chunks.size() % BATCH).as("%s holds whole batches only", aggregate).isZero();
        for (int i = 0; i < chunks.size(); i += BATCH) {
            String batch = chunks.get(i).batch();
            for (int j = 0; j < BATCH; j++) {
                assertThat(chunks.get(i + j)).as("%s event %d", aggregate, i + j)
                        .isEqualTo(new AppendingWriter.Chunk(batch, j, BATCH));
            }
        }
    }
}
