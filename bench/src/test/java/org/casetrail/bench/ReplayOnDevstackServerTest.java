package org.casetrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader far behind the head reads in {@code _id}-ordered chunks, which the devstack's server
 * answers from its ordered data (devstack {@code IdRangeCollection}): on that server it must deliver
 * exactly what the near-head {@code _id $in} windows deliver, including what is appended while it reads.
 */
class ReplayOnDevstackServerTest {

    record Noted(String text) {
    }

    private static final int BATCH = 50;
    private static final int AGGREGATES = 9;

    @TempDir
    Path dataDir;

    private DevstackMongo mongo;
    private CasetrailMongoEventStorageEngine windows;
    private CasetrailMongoEventStorageEngine chunks;
    private final Map<String, Long> next = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        mongo = DevstackMongo.start(dataDir);
        windows = engine(0);
        chunks = engine(1);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aReplayInIdChunksDeliversWhatTheIdWindowsDeliverAndWhatIsAppendedMeanwhile() {
        append(400);
        // A losing writer leaves event documents without a commit: they must never be delivered.
        assertThatThrownBy(() -> windows.appendEvents(List.of(event("agg-0", 0))))
                .isInstanceOfAny(ConcurrencyException.class, AggregateStreamCreationException.class);

        List<String> replayed = new ArrayList<>();
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = chunks.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            for (int i = 0; i < 3 * BATCH + 7; i++) {
                seen.add(it.next());
            }
            append(30); // appended while the replay is between chunks
            it.forEachRemaining(seen::add);
        }
        seen.forEach(m -> replayed.add(m.getIdentifier()));

        List<String> expected;
        try (Stream<? extends TrackedEventMessage<?>> stream = windows.readEvents(null, false)) {
            expected = stream.map(TrackedEventMessage::getIdentifier).toList();
        }
        assertThat(expected).hasSize(430);
        assertThat(replayed).isEqualTo(expected);
        Map<String, Long> last = new HashMap<>();
        for (TrackedEventMessage<?> m : seen) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) m;
            long previous = last.getOrDefault(event.getAggregateIdentifier(), -1L);
            assertThat(event.getSequenceNumber()).as("%s in aggregate order", event.getAggregateIdentifier())
                    .isEqualTo(previous + 1);
            last.put(event.getAggregateIdentifier(), event.getSequenceNumber());
        }
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            String aggregate = "agg-" + (next.size() < AGGREGATES ? next.size() : i % AGGREGATES);
            long sequence = next.merge(aggregate, 1L, Long::sum) - 1;
            windows.appendEvents(List.of(event(aggregate, sequence)));
        }
    }

    private static DomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Case", aggregate, sequence, new Noted(aggregate + "#" + sequence));
    }

    /** {@code replayScanMinimum} 0: windows only; 1: every read from behind the head goes by chunks. */
    private CasetrailMongoEventStorageEngine engine(long replayScanMinimum) {
        JacksonSerializer serializer = JacksonSerializer.builder().build();
        return CasetrailMongoEventStorageEngine.builder().database(mongo.client().getDatabase("replay"))
                .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(BATCH)
                // Decide the loser's documents at once: this test has no writer in flight.
                .gapTimeout(Duration.ZERO).replayScanMinimum(replayScanMinimum).build();
    }
}
