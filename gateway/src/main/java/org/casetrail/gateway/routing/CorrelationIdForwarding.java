package org.casetrail.gateway.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The platform's filter settles the correlation id (the client's if acceptable, else a new one)
 * and echoes it. This makes the request itself carry that settled id, so the proxied request sends
 * the services the same id the client sees, also when the client sent none or an unacceptable one.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdForwarding {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> correlationIdForwardingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object settled = request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE);
                chain.doFilter(settled instanceof String id ? new WithCorrelationId(request, id) : request, response);
            }
        });
        // Right after the platform's CorrelationIdFilter (HIGHEST_PRECEDENCE) and body limit (+1).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static final class WithCorrelationId extends HttpServletRequestWrapper {
        private final String id;

        WithCorrelationId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        private static boolean isCorrelation(String name) {
            return CorrelationIdFilter.CORRELATION_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return isCorrelation(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isCorrelation(name) ? Collections.enumeration(java.util.List.of(id)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(WithCorrelationId::isCorrelation)) {
                names.add(CorrelationIdFilter.CORRELATION_HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
