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
        String previousDigestId) implements IntegrationEvent {
}
