package org.casetrail.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param topics         topics this service makes sure exist at start-up (each with its dead-letter twin);
 *                       a service declares the topics it consumes as well as those it produces, so that
 *                       whichever starts first creates them with the same partitions
 * @param compactedTopics likewise, but log-compacted: the latest value per key is kept for ever
 * @param consumedTopics  the topics this service consumes; their dead letters can be replayed by an ADMIN
 * @param partitions     partitions of each created topic; keys (aggregate ids) keep per-aggregate order
 * @param replicas       replication factor of created topics (1 on the devstack, 3 in production)
 * @param publishTimeout how long a publish waits for the broker's acknowledgement before failing
 * @param retry          how a consumer retries a failing record before sending it to the dead-letter topic
 */
@ConfigurationProperties("casetrail.kafka")
public record KafkaProperties(@DefaultValue List<String> topics,
                              @DefaultValue List<String> compactedTopics,
                              @DefaultValue List<String> consumedTopics,
                              @DefaultValue("3") int partitions,
                              @DefaultValue("1") short replicas,
                              @DefaultValue("10s") Duration publishTimeout,
                              @DefaultValue Retry retry) {

    /** Exponential backoff: {@code initialInterval × multiplier^n}, capped, for {@code maxAttempts} attempts. */
    public record Retry(@DefaultValue("200ms") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("5s") Duration maxInterval,
                        @DefaultValue("10") int maxAttempts) {
    }
}
