package org.casetrail.platform.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The service's append-only, hash-chained record of audited reads, one chain per school. */
public interface AccessLog {

    /** Stores the read as the next entry of its school's chain; throws if it could not be stored. */
    AccessLogEntry append(AccessRecord record);

    /** A page of a school's entries, newest first, and the result of walking that school's whole chain. */
    Listing list(String schoolId, Filter filter, int page, int size);

    /**
     * The newest entry of the school's chain as stored (sequence 0 and {@link AccessLogChain#GENESIS}
     * for an empty log): what a school digest anchors. Not checked here; the listing's walk checks it.
     */
    Head head(String schoolId);

    /** Every school that has an access log in this service. */
    List<String> schools();

    /** The stored hash of the school's entry {@code sequence}; empty if there is no such entry. */
    Optional<String> hashAt(String schoolId, long sequence);

    record Head(long sequence, String hash) {
    }

    /** Every criterion is optional; {@code from} is inclusive and {@code to} exclusive. */
    record Filter(String objectType, String objectId, String userId, String view, Instant from, Instant to) {

        boolean matches(AccessRecord record) {
            return (objectType == null || objectType.equals(record.objectType()))
                    && (objectId == null || objectId.equals(record.objectId()))
                    && (userId == null || userId.equals(record.userId()))
                    && (view == null || view.equals(record.view()))
                    && (from == null || !record.at().isBefore(from))
                    && (to == null || record.at().isBefore(to));
        }
    }

    /**
     * @param intact            every entry from 1 to the head is present, hashes to its stored hash, and links to the one before
     * @param entries           how many entries the school's chain has
     * @param brokenAtSequence  the first sequence at which the chain does not hold; null when intact
     * @param headHash          the hash of the newest entry (the genesis value for an empty log)
     */
    record ChainCheck(boolean intact, long entries, Long brokenAtSequence, String headHash) {
    }

    record Listing(ChainCheck chain, long total, List<AccessLogEntry> entries) {
    }
}
