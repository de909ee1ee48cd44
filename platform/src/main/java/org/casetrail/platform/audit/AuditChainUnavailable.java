package org.casetrail.platform.audit;

import org.casetrail.platform.domain.StateConflict;

/**
 * The service stores its events with the Axon Mongo extension's engine
 * ({@code casetrail.axon.event-storage=axon-mongo}), which keeps no hash chain: chain-based answers
 * (history with hashes, verification, digests, exports) cannot be given, and are refused with 409
 * rather than answered without the guarantee (docs/audit.md).
 */
public class AuditChainUnavailable extends StateConflict {

    public AuditChainUnavailable() {
        super("UNCHAINED_STORAGE", "this service's event storage (axon-mongo) keeps no hash chain; "
                + "chain verification, history with hashes, digests and exports need casetrail's engine");
    }
}
