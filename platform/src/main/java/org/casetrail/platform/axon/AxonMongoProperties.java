package org.casetrail.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param tokenClaimTimeout how long a processor's claim on a segment lasts without renewal; another
 *                          instance may take the segment over after that (stack.md, trap 5)
 * @param snapshotThreshold take a snapshot of an aggregate every this many events (architecture.md)
 * @param eventBatchSize    how many events a tracking processor fetches at a time from casetrail's engine
 */
@ConfigurationProperties("casetrail.axon")
public record AxonMongoProperties(@DefaultValue("10s") Duration tokenClaimTimeout,
                                  @DefaultValue("50") int snapshotThreshold,
                                  @DefaultValue("500") int eventBatchSize) {
}
