package org.casetrail.gateway.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout how long the gateway waits for a service's /actuator/health before calling it
 *                DOWN; short, because a load balancer probing the gateway waits for all of them
 * @param path    the health path on each service
 */
@ConfigurationProperties("casetrail.gateway.health")
public record DownstreamHealthProperties(@DefaultValue("2s") Duration timeout,
                                         @DefaultValue("/actuator/health") String path) {
}
