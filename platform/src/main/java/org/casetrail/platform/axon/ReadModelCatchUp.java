package org.casetrail.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Read-your-writes for read models built by streaming (tracking) processors: after a command has
 * stored its events, {@link #awaitCurrent()} returns once every such processor has handled every
 * event stored so far, so the next query shows what the caller just did, as a subscribing
 * processor would, while the model stays rebuildable ({@link ReadModelRebuild}). The wait is
 * bounded; processors being rebuilt (their live models change only at the swap), stopped, failing,
 * or whose segments this instance does not hold are not waited for.
 */
public class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);
    /** Between two looks at the processors' tokens; a projection's write takes about this long. */
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final ReadModelRebuildShadows shadows;
    private final LongSupplier head;
    private final Duration timeout;

    /** @param head the global sequence of the last event stored (casetrail's engine numbers them densely from 1) */
    public ReadModelCatchUp(EventProcessingConfiguration processing, ReadModelRebuildShadows shadows, LongSupplier head,
                            Duration timeout) {
        this.processing = processing;
        this.shadows = shadows;
        this.head = head;
        this.timeout = timeout;
    }

    /** Waits until the live read models include every event stored so far; answers false when the bound ran out. */
    public boolean awaitCurrent() {
        long until = head.getAsLong();
        if (until <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> behind = behind(until);
        while (!behind.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                log.warn("read models {} had not handled the events up to {} after {}; answering anyway", behind, until,
                        timeout);
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
            behind = behind(until);
        }
        return true;
    }

    private List<String> behind(long until) {
        List<String> behind = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor processor && processor.supportsReset() && processor.isRunning()
                    && !shadows.shadowing(name) && !handled(processor.processingStatus().values(), until)) {
                behind.add(name);
            }
        });
        return behind;
    }

    private static boolean handled(Collection<EventTrackerStatus> segments, long until) {
        for (EventTrackerStatus segment : segments) {
            if (!segment.isErrorState() && !handled(segment.getTrackingToken(), until)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a processor at {@code token} has handled every event up to the global sequence {@code until}. */
    static boolean handled(TrackingToken token, long until) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            // A gap at or below it is an event stored, or about to be, that this processor has not seen yet.
            return gapAware.getIndex() >= until && (gapAware.getGaps().isEmpty() || gapAware.getGaps().first() > until);
        }
        return current.position().orElse(-1) >= until;
    }
}
