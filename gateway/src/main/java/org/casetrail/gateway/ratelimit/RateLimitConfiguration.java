package org.casetrail.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Three budgets: token-endpoint attempts and all requests per client address (ahead of
 * authentication, so floods never reach the decoder), and requests per user (behind it). The client
 * address is the connection's: X-Forwarded-For is not trusted unless a proxy in front is configured
 * to set the remote address (server.forward-headers-strategy).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "casetrail.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    static final String TOKEN_PATH = "/auth/token";

    @Bean
    FilterRegistrationBean<RateLimitFilter> perAddressRateLimit(RateLimitProperties properties, ObjectMapper mapper) {
        RateLimiter limiter = new RateLimiter(properties.perAddress(), properties.trackedKeys());
        return registration(new RateLimitFilter(limiter, HttpServletRequest::getRemoteAddr, mapper),
                Ordered.HIGHEST_PRECEDENCE + 2, "/*");
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> loginRateLimit(RateLimitProperties properties, ObjectMapper mapper) {
        RateLimiter limiter = new RateLimiter(properties.login(), properties.trackedKeys());
        return registration(new RateLimitFilter(limiter, HttpServletRequest::getRemoteAddr, mapper),
                Ordered.HIGHEST_PRECEDENCE + 3, TOKEN_PATH);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> perUserRateLimit(RateLimitProperties properties, ObjectMapper mapper) {
        RateLimiter limiter = new RateLimiter(properties.perUser(), properties.trackedKeys());
        return registration(new RateLimitFilter(limiter, request -> authenticatedUser(), mapper),
                SecurityProperties.DEFAULT_FILTER_ORDER + 2, "/api/*");
    }

    private static String authenticatedUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? token.getToken().getSubject() : null;
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitFilter filter, int order, String path) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns(path);
        return registration;
    }
}
