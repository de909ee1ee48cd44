package org.casetrail.platform.axon;

import java.util.List;

/**
 * The metadata keys every command and event carries (domain.md, "Audit, replay, privacy").
 * Set by {@link RequestMetadataInterceptor} on dispatch and copied to events by
 * {@link AuditCorrelationDataProvider}; handlers never set them by hand.
 */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String SCHOOL_ID = "schoolId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";

    /** Copied unchanged from the causing message onto what it causes. */
    static final List<String> PROPAGATED = List.of(ACTOR_ID, ACTOR_ROLE, SCHOOL_ID, REQUEST_ID);

    private AuditMetadata() {
    }
}
