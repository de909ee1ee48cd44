package org.casetrail.platform.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * The listing: which service's log this is, the school's chain check, and a page of entries.
 *
 * @param chain whether the whole chain of the school is intact, walked for this answer
 * @param total how many entries match the filters
 */
public record AccessLogResponse(String service, String schoolId, Chain chain, long total, int page, int size,
                                List<Item> entries) {

    /** {@code anchor}: the check against a school digest's record of the head; absent when no digest anchors the log yet. */
    public record Chain(boolean intact, long entries, Long brokenAtSequence, String headHash, Anchor anchor) {
    }

    /**
     * The access log against a digest (docs/audit.md, "Anchoring the access log").
     *
     * @param sequence    the newest sequence of the log when the digest was taken, as the digest records it
     * @param headHash    that entry's hash, as the digest records it: compare with your own copy of the digest
     * @param currentHash the hash entry {@code sequence} has now; null if it is gone
     * @param holds       the chain verifies from entry 1 up to {@code sequence} and {@code currentHash} equals {@code headHash}
     */
    public record Anchor(String digestId, Instant recordedAt, long sequence, String headHash, String currentHash,
                         boolean holds) {
    }

    public record Actor(String userId, String role, List<String> roles) {
    }

    public record Item(long sequence, Instant at, Actor actor, String objectType, String objectId, String view,
                       String method, String path, int status, String correlationId, String requestId,
                       String previousHash, String hash) {
    }

    static AccessLogResponse of(String service, String schoolId, int page, int size, AccessLog.Listing listing,
                                Anchor anchor) {
        AccessLog.ChainCheck check = listing.chain();
        return new AccessLogResponse(service, schoolId,
                new Chain(check.intact(), check.entries(), check.brokenAtSequence(), check.headHash(), anchor),
                listing.total(), page, size, listing.entries().stream().map(AccessLogResponse::item).toList());
    }

    private static Item item(AccessLogEntry entry) {
        AccessRecord r = entry.record();
        return new Item(entry.sequence(), r.at(), new Actor(r.userId(), r.role(), r.roles()), r.objectType(),
                r.objectId(), r.view(), r.method(), r.path(), r.status(), r.correlationId(), r.requestId(),
                entry.previousHash(), entry.hash());
    }
}
