package org.casetrail.platform.accesslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * The access log of a service that configures audited reads ({@code casetrail.access-log.reads}), in
 * that service's own database. A service without any (the gateway, notification-service) gets none.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(MongoClient.class)
@ConditionalOnProperty(name = "casetrail.access-log.reads[0].pattern")
@EnableConfigurationProperties(AccessLogProperties.class)
public class AccessLogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "casetrail.access-log.enabled", havingValue = "true", matchIfMissing = true)
    AccessLog accessLog(MongoClient client, MongoProperties mongo, AccessLogProperties properties) {
        return new MongoAccessLog(client.getDatabase(mongo.getMongoClientDatabase()), properties.batchSize());
    }

    @Bean
    @ConditionalOnProperty(name = "casetrail.access-log.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(AccessLog accessLog, AccessLogProperties properties,
                                                            ObjectMapper mapper, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
                new AccessLogFilter(accessLog, properties, mapper, clock.getIfAvailable(Clock::systemUTC)));
        // Inside Spring Security's chain, so that the reader is known; around everything Spring MVC does.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "casetrail.access-log.enabled", havingValue = "true", matchIfMissing = true)
    AccessLogController accessLogController(AccessLog accessLog, AccessLogProperties properties, Environment environment,
                                            ObjectProvider<AccessLogAnchors> anchors) {
        String service = properties.service() != null ? properties.service()
                : environment.getProperty("spring.application.name", "service");
        // The service's school digests, when it records any (platform.audit.SchoolDigests).
        return new AccessLogController(accessLog, properties, service, anchors);
    }
}
