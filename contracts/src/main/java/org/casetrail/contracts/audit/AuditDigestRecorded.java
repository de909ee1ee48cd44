package org.casetrail.contracts.audit;

import org.casetrail.contracts.IntegrationEvent;
import org.casetrail.contracts.IntegrationEventType;

import java.time.Instant;

/**
 * A school digest was recorded (docs/audit.md, "Digests"): the Merkle root over the head hashes of
 * every hash chain one service holds for the school, at one instant. Published on
 * {@code casetrail.audit.digests.v1} so that a copy can be kept outside casetrail; a later chain that
 * no longer leads to this root proves that history was rewritten.
 *
 * @param digestId         {@code <schoolId>#<number>}, unique per service database
 * @param service          the service whose chains it covers (each service has its own event store)
 * @param number           1, 2, … per school and service
 * @param root             lowercase hex SHA-256 Merkle root ({@code algorithm})
 * @param leafCount        how many chains (aggregates) it covers
 * @param algorithm        the leaf and node hashing, defined in docs/audit.md
 * @param previousDigestId the school's digest before this one; null for the first
 * @param accessLogSequence the newest sequence of the school's access-log chain in the same service
 *                          when the digest was taken (0: no read recorded yet); null when that service
 *                          keeps no access log, and in digests recorded before the access log was anchored
 * @param accessLogHeadHash that entry's hash (64 zeros for an empty log): a copy kept outside casetrail
 *                          proves that the access log up to that sequence was not rewritten afterwards
 */
@IntegrationEventType(value = "AuditDigestRecorded", version = 1)
public record AuditDigestRecorded(
        String digestId,
        String schoolId,
        String service,
        long number,
        Instant recordedAt,
        String root,
        int leafCount,
        String algorithm,
        String previousDigestId,
        Long accessLogSequence,
        String accessLogHeadHash) implements IntegrationEvent {
}
