package org.casetrail.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the actuator endpoints other than health and info (metrics, Prometheus): they tell an
 * attacker the request rates, the paths and the versions in use.
 *
 * @param role                      the role a bearer token needs for them on the application port
 * @param openOnManagementPort      when {@code management.server.port} is set apart from the application
 *                                  port, answer them there without a token: a scraper has no user, and the
 *                                  operator binds that port to an internal address
 *                                  ({@code management.server.address})
 */
@ConfigurationProperties("casetrail.security.actuator")
public record ActuatorProperties(@DefaultValue("ADMIN") String role,
                                 @DefaultValue("true") boolean openOnManagementPort) {
}
