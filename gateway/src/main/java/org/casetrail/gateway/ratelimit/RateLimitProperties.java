package org.casetrail.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Request budgets at the front door (OWASP API4, unrestricted resource consumption). Buckets live in
 * this gateway instance's memory: with several instances each enforces its own share.
 *
 * @param login       attempts at the token endpoint per client address: slows password guessing
 * @param perAddress  requests per client address, before authentication: bounds anonymous floods
 * @param perUser     requests per authenticated user: one account cannot starve the school
 * @param trackedKeys at most this many addresses and users are remembered; the least recent are forgotten
 */
@ConfigurationProperties("casetrail.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  Budget login,
                                  Budget perAddress,
                                  Budget perUser,
                                  @DefaultValue("100000") long trackedKeys) {

    /** {@code requests} per {@code period}, refilled smoothly. */
    public record Budget(long requests, Duration period) {
    }
}
