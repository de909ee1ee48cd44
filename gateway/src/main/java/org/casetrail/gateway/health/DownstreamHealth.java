package org.casetrail.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.gateway.routing.RoutesProperties;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway is only as healthy as the services it routes to (api.md, Operations): one indicator
 * per service, grouped as {@code services} in /actuator/health, each calling the service's own
 * health endpoint with a short timeout.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealth {

    @Bean
    HealthContributor services(RoutesProperties routes, DownstreamHealthProperties properties, ObjectMapper mapper) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build();
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        routes.byService().forEach((name, uri) -> indicators.put(name,
                new ServiceHealthIndicator(client, uri.resolve(properties.path()), properties.timeout(), mapper)));
        return CompositeHealthContributor.fromMap(indicators);
    }

    static final class ServiceHealthIndicator implements HealthIndicator {
        private final HttpClient client;
        private final URI uri;
        private final Duration timeout;
        private final ObjectMapper mapper;

        ServiceHealthIndicator(HttpClient client, URI uri, Duration timeout, ObjectMapper mapper) {
            this.client = client;
            this.uri = uri;
            this.timeout = timeout;
            this.mapper = mapper;
        }

        @Override
        public Health health() {
            Health.Builder health = new Health.Builder().withDetail("uri", uri.toString());
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                String status = statusOf(response.body());
                if (response.statusCode() == 200 && Status.UP.getCode().equals(status)) {
                    return health.up().build();
                }
                return health.down().withDetail("httpStatus", response.statusCode())
                        .withDetail("status", status == null ? "unknown" : status).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health.down().withDetail("error", "interrupted").build();
            } catch (Exception e) {
                // The cause's class only: the message may carry internal addresses beyond the uri.
                return health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        }

        private String statusOf(String body) {
            try {
                JsonNode status = mapper.readTree(body).get("status");
                return status == null ? null : status.asText();
            } catch (Exception e) {
                return null;
            }
        }
    }
}
