package org.casetrail.platform.accesslog;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the access log's head is anchored outside its own chain: the school digests of the same
 * service record it (docs/audit.md, "Anchoring the access log"). An interface here, implemented by
 * the digests, so that the access log does not depend on the audit package.
 */
public interface AccessLogAnchors {

    /**
     * The access-log head that a digest of the school recorded: the digest named, or the school's latest
     * when {@code digestId} is null. Empty when there is no such digest of the school, or it records no
     * access-log head (recorded before the access log was anchored).
     */
    Optional<Anchor> anchor(String schoolId, String digestId);

    /** A digest's record of the access log: its newest sequence and that entry's hash at the time. */
    record Anchor(String digestId, Instant recordedAt, long sequence, String headHash) {
    }
}
