package org.casetrail.gateway.routing;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the services live. The route table in application.yml and the health checks both read
 * these, so one environment variable per service moves both (CASETRAIL_GATEWAY_ROUTES_CASES ...).
 */
@Validated
@ConfigurationProperties("casetrail.gateway.routes")
public record RoutesProperties(@NotNull URI cases, @NotNull URI disclosures, @NotNull URI notifications) {

    /** By service name, in a fixed order (health details, swagger dropdown). */
    public Map<String, URI> byService() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("cases", cases);
        services.put("disclosures", disclosures);
        services.put("notifications", notifications);
        return services;
    }
}
