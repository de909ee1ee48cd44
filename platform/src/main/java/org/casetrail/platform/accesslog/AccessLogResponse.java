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

    public record Chain(boolean intact, long entries, Long brokenAtSequence, String headHash) {
    }

    public record Actor(String userId, String role, List<String> roles) {
    }

    public record Item(long sequence, Instant at, Actor actor, String objectType, String objectId, String view,
                       String method, String path, int status, String correlationId, String requestId,
                       String previousHash, String hash) {
    }

    static AccessLogResponse of(String service, String schoolId, int page, int size, AccessLog.Listing listing) {
        AccessLog.ChainCheck check = listing.chain();
        return new AccessLogResponse(service, schoolId,
                new Chain(check.intact(), check.entries(), check.brokenAtSequence(), check.headHash()),
                listing.total(), page, size, listing.entries().stream().map(AccessLogResponse::item).toList());
    }

    private static Item item(AccessLogEntry entry) {
        AccessRecord r = entry.record();
        return new Item(entry.sequence(), r.at(), new Actor(r.userId(), r.role(), r.roles()), r.objectType(),
                r.objectId(), r.view(), r.method(), r.path(), r.status(), r.correlationId(), r.requestId(),
                entry.previousHash(), entry.hash());
    }
}
