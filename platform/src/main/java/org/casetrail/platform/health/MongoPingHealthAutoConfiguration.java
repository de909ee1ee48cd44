package org.casetrail.platform.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's Mongo health check (bean name {@code mongoHealthIndicator}), which sends
 * {@code hello}: the embedded Mongo-wire server does not know that command, so every service would
 * be DOWN on the devstack for ever. {@code ping} is answered by both it and a real MongoDB.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        beforeName = "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
public class MongoPingHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                mongo.getDb().runCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }
}
