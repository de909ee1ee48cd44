package org.casetrail.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;

/** One token bucket per key (an address or a user) with the same budget; Bucket4j does the counting. */
class RateLimiter {

    private final RateLimitProperties.Budget budget;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitProperties.Budget budget, long trackedKeys) {
        this.budget = budget;
        // A key unused for a whole period has a full bucket again, so forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterAccess(budget.period()).build();
    }

    /** Empty when the request may pass; otherwise the seconds until one more request is allowed. */
    OptionalLong tryAcquire(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds();
        return OptionalLong.of(Math.max(1, seconds + 1));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(budget.requests())
                .refillGreedy(budget.requests(), budget.period()).build()).build();
    }
}
