package org.casetrail.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget holds under a burst, answers 429 with Retry-After, and one key's burst leaves others alone. */
class RateLimitFilterTest {

    private static final int BUDGET = 20;

    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimiter(new RateLimitProperties.Budget(BUDGET, Duration.ofMinutes(1)), 1_000),
            HttpServletRequest::getRemoteAddr, new ObjectMapper());

    @Test
    void aBurstBeyondTheBudgetIsRefusedWithRetryAfter() throws Exception {
        int passed = 0;
        MockHttpServletResponse refused = null;
        for (int i = 0; i < BUDGET * 5; i++) {
            MockHttpServletResponse response = send("10.0.0.1");
            if (response.getStatus() == 200) {
                passed++;
            } else {
                refused = response;
            }
        }
        assertThat(passed).isEqualTo(BUDGET);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void oneClientsBurstDoesNotSpendAnothersBudget() throws Exception {
        for (int i = 0; i < BUDGET * 2; i++) {
            send("10.0.0.2");
        }
        assertThat(send("10.0.0.3").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
