package org.casetrail.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Answers 429 with {@code Retry-After} when a key's budget is spent. The key comes from the request:
 * the client address before authentication, the user (JWT subject) after it.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final Function<HttpServletRequest, String> keyOf;
    private final ObjectMapper mapper;

    RateLimitFilter(RateLimiter limiter, Function<HttpServletRequest, String> keyOf, ObjectMapper mapper) {
        this.limiter = limiter;
        this.keyOf = keyOf;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf.apply(request);
        OptionalLong retryAfter = key == null ? OptionalLong.empty() : limiter.tryAcquire(key);
        if (retryAfter.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
            Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests; try again in " + retryAfter.getAsLong() + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
