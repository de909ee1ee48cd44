package org.casetrail.platform.audit;

import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine.ChainedEvent;
import org.casetrail.platform.eventstore.EventChain;

import java.util.List;

/**
 * Recomputes an aggregate's chain from its stored events and names the first sequence that does not
 * hold. Trusts nothing stored: not the hashes, not the sequence numbers, not the links.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param chain           the events in the order the stream document lists them
     * @param recordedHead    the head hash the stream document recorded for its last batch (may be null)
     */
    public static ChainVerification verify(List<ChainedEvent> chain, String recordedHead) {
        String previous = EventChain.GENESIS;
        String lastGood = null;
        long expected = chain.isEmpty() ? 0 : chain.get(0).position();
        for (ChainedEvent event : chain) {
            long sequence = event.position();
            if (event.document() == null) {
                return broken(chain, sequence, lastGood, "the event stored at this position is missing");
            }
            EventChain.Stored stored = event.stored();
            if (sequence != expected || stored.sequence() != sequence) {
                return broken(chain, sequence, lastGood, "the event at this position says it is sequence "
                        + stored.sequence());
            }
            if (event.hash() == null) {
                return broken(chain, sequence, lastGood, "the event has no hash (stored before the chain existed)");
            }
            if (!previous.equals(event.previousHash())) {
                return broken(chain, sequence, lastGood, "the event's previous hash is not its predecessor's hash");
            }
            String recomputed;
            try {
                recomputed = EventChain.hash(previous, stored);
            } catch (RuntimeException e) {
                return broken(chain, sequence, lastGood, "the event cannot be read: " + e.getMessage());
            }
            if (!recomputed.equals(event.hash())) {
                return broken(chain, sequence, lastGood, "the event's content does not match its hash");
            }
            previous = recomputed;
            lastGood = recomputed;
            expected++;
        }
        if (recordedHead != null && lastGood != null && !recordedHead.equals(lastGood)) {
            ChainedEvent last = chain.get(chain.size() - 1);
            return broken(chain, last.position(), null,
                    "the stream's recorded head hash is not the last event's hash");
        }
        return new ChainVerification(true, chain.size(), null, lastGood, null);
    }

    private static ChainVerification broken(List<ChainedEvent> chain, long sequence, String lastGood, String reason) {
        return new ChainVerification(false, chain.size(), sequence, lastGood, reason);
    }
}
