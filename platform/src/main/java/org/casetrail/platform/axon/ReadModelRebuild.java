package org.casetrail.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Rebuilds a service's read models from its events: every streaming processor that supports a reset
 * (its handlers have reset handlers and none forbids replay; the Kafka publishers do forbid it) is
 * stopped, its tokens reset to the start, and started again. Queries keep being answered meanwhile,
 * from models that fill up again; progress is the replay position against the store's head.
 */
public class ReadModelRebuild {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Starts the rebuild and answers at once with the processors being rebuilt. */
    public synchronized List<String> start() {
        List<String> rebuilt = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.supportsReset()) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                rebuilt.add(entry.getKey());
            }
        }
        return rebuilt;
    }

    /** Where each rebuildable processor stands: events done out of the store's head, and whether it is still replaying. */
    public Map<String, Progress> progress() {
        long head = position(eventStore.createHeadToken());
        Map<String, Progress> progress = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor processor && processor.supportsReset()) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
                boolean error = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
                long done = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
                progress.put(name, new Progress(Math.min(done + 1, head + 1), head + 1, replaying, error));
            }
        });
        return progress;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * @param done      position reached in the store's global sequence, of {@code total}: caught up when equal
     * @param replaying Axon's replay marker, which stays set until an event past the reset point arrives
     */
    public record Progress(long done, long total, boolean replaying, boolean error) {
    }
}
