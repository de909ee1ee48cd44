package org.casetrail.platform.axon;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.casetrail.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a service's read models from its events, blue/green: every streaming processor that
 * supports a reset (its handlers have reset handlers and none forbids replay; the Kafka publishers
 * do forbid it) is stopped, its tokens reset to the start, and started again writing into shadow
 * collections ({@link ReadModelRebuildShadows}) while queries keep reading the live ones, complete as they
 * were when the rebuild started. When a processor has caught up with the store's head it is stopped
 * for a moment, each shadow is renamed over its live collection (indexes copied first), and it goes
 * on from there writing to the live collections. A caller never sees a half-built model; what it
 * does see, until the swap, is the models as of the rebuild's start: events stored during the
 * rebuild show up at the swap.
 */
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelRebuildShadows shadows;
    private final MongoDatabase database;
    private final Clock clock;
    private final Map<String, Started> started = new ConcurrentHashMap<>();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** When and from where a processor's rebuild started, for its rate and ETA. */
    private record Started(Instant at, long done) {
    }

    public ReadModelRebuild(EventProcessingConfiguration processing, EventStore eventStore, ReadModelRebuildShadows shadows,
                            MongoDatabase database, Clock clock, Duration swapCheckInterval) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.shadows = shadows;
        this.database = database;
        this.clock = clock;
        // Also resumes a rebuild the service was in the middle of when it stopped.
        watch.scheduleWithFixedDelay(this::swapThoseCaughtUp, swapCheckInterval.toMillis(), swapCheckInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The processors a rebuild resets: every streaming one whose handlers allow a replay. */
    public List<String> rebuildable() {
        List<String> names = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor processor && processor.supportsReset()) {
                names.add(name);
            }
        });
        return names;
    }

    /** Starts the rebuild and answers at once with the processors being rebuilt. */
    public synchronized List<String> start() {
        List<String> running = shadows.processors().stream().filter(this::isRunning).sorted().toList();
        if (!running.isEmpty()) {
            throw new StateConflict("REBUILDING", "a rebuild is already running for " + running);
        }
        List<String> rebuilt = rebuildable();
        for (String name : rebuilt) {
            StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessors().get(name);
            processor.shutDown();
            shadows.begin(name);
            try {
                // The reset handlers run here, on this thread: they empty the shadows, not the live models.
                shadows.within(name, () -> {
                    processor.resetTokens();
                    return null;
                });
            } catch (Exception e) {
                shadows.end(name);
                processor.start();
                // Typically another instance holds the processor's token claim; any processor before it is rebuilding.
                throw new StateConflict("CLAIMED", "cannot reset the processor " + name + " (" + e.getMessage()
                        + "); rebuilding: " + rebuilt.subList(0, rebuilt.indexOf(name)));
            }
            started.put(name, new Started(clock.instant(), 0));
            failed.remove(name);
            processor.start();
        }
        return rebuilt;
    }

    private boolean isRunning(String name) {
        return !failed.contains(name) && processing.eventProcessors().get(name) instanceof StreamingEventProcessor p
                && p.isRunning();
    }

    /** True while any processor is still replaying into its shadows. */
    public boolean running() {
        return !shadows.processors().isEmpty();
    }

    /** Where each rebuildable processor stands: events done out of the store's head, rate and ETA while rebuilding. */
    public Map<String, Progress> progress() {
        long head = position(eventStore.createHeadToken());
        Instant now = clock.instant();
        Map<String, Progress> progress = new TreeMap<>();
        for (String name : rebuildable()) {
            StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessors().get(name);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            boolean error = failed.contains(name) || status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            // casetrail's engine numbers events densely from 1: the head's position is the number of events.
            long total = Math.max(head, 0);
            long done = Math.min(Math.max(position(status), 0), total);
            boolean rebuilding = shadows.shadowing(name);
            Double rate = null;
            Long eta = null;
            if (rebuilding) {
                Started since = started.computeIfAbsent(name, n -> new Started(now, done));
                double seconds = Duration.between(since.at(), now).toMillis() / 1000.0;
                if (seconds > 0 && done > since.done()) {
                    rate = (done - since.done()) / seconds;
                    eta = (long) Math.ceil((total - done) / rate);
                }
            }
            progress.put(name, new Progress(done, total, rebuilding ? State.REBUILDING : State.LIVE, rate, eta,
                    replaying, error));
        }
        return progress;
    }

    /** Swaps in the shadows of every processor that has caught up with the store's head. */
    synchronized void swapThoseCaughtUp() {
        try {
            for (String name : List.copyOf(shadows.processors())) {
                if (failed.contains(name)) {
                    continue;
                }
                EventProcessor p = processing.eventProcessors().get(name);
                if (!(p instanceof StreamingEventProcessor processor)) {
                    // A processor that no longer exists in this version: its shadows are of no use.
                    dropShadows(name);
                    continue;
                }
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                long head = position(eventStore.createHeadToken());
                if (!processor.isRunning() || status.isEmpty()
                        || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)
                        || position(status) < head) {
                    continue;
                }
                processor.shutDown();
                List<String> collections = shadows.collections(name).stream().sorted().toList();
                try {
                    for (String collection : collections) {
                        swap(collection);
                    }
                } catch (RuntimeException e) {
                    // Half swapped: going on in either the shadows or the live collections would be wrong, so
                    // the processor stays stopped (its progress shows the error) until an ADMIN starts a rebuild again.
                    log.error("swapping in the rebuilt read models of {} failed; the processor stays stopped", name, e);
                    failed.add(name);
                    continue;
                }
                shadows.end(name);
                started.remove(name);
                processor.start();
                log.info("read models of {} rebuilt and swapped in: {}", name, collections);
            }
        } catch (RuntimeException e) {
            log.warn("rebuild swap check failed; retrying", e);
        }
    }

    /** The shadow replaces the live collection, with the live one's indexes; no shadow means an empty model. */
    private void swap(String collection) {
        String shadow = collection + ReadModelRebuildShadows.SUFFIX;
        Set<String> existing = new HashSet<>();
        database.listCollectionNames().forEach(existing::add);
        if (!existing.contains(shadow)) {
            database.getCollection(collection).drop();
            return;
        }
        MongoCollection<Document> target = database.getCollection(shadow);
        if (existing.contains(collection)) {
            for (Document index : database.getCollection(collection).listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    target.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name"))
                            .unique(Boolean.TRUE.equals(index.getBoolean("unique")))
                            .sparse(Boolean.TRUE.equals(index.getBoolean("sparse"))));
                }
            }
        }
        target.renameCollection(new MongoNamespace(database.getName(), collection),
                new RenameCollectionOptions().dropTarget(true));
    }

    private void dropShadows(String name) {
        for (String collection : shadows.collections(name)) {
            database.getCollection(collection + ReadModelRebuildShadows.SUFFIX).drop();
        }
        shadows.end(name);
    }

    private static long position(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : -1).min().orElse(-1);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }

    public enum State { REBUILDING, LIVE }

    /**
     * @param done            position reached in the store's global sequence, of {@code total}: caught up when equal
     * @param state           REBUILDING while the processor writes to its shadows; LIVE before a rebuild and after its swap
     * @param eventsPerSecond events replayed per second since this rebuild started; absent when not rebuilding
     * @param etaSeconds      seconds until caught up at that rate; absent when not rebuilding or not yet measurable
     * @param replaying       Axon's replay marker, which stays set until an event past the reset point arrives
     */
    public record Progress(long done, long total, State state, Double eventsPerSecond, Long etaSeconds,
                           boolean replaying, boolean error) {
    }
}
