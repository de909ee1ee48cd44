package org.casetrail.platform.audit;

import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.platform.accesslog.AccessLog;
import org.casetrail.platform.axon.AxonMongoAutoConfiguration;
import org.casetrail.platform.kafka.CasetrailKafkaAutoConfiguration;
import org.casetrail.platform.kafka.IntegrationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The audit read side and school digests for every service that stores events (docs/audit.md). */
@AutoConfiguration(after = {AxonMongoAutoConfiguration.class, CasetrailKafkaAutoConfiguration.class},
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({EventStore.class, MongoClient.class})
@Import(DigestSchedule.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnBean({EventStorageEngine.class, EventStore.class})
    AuditTrail auditTrail(EventStorageEngine storage, EventStore eventStore) {
        return new AuditTrail(storage, eventStore);
    }

    @Bean
    @ConditionalOnBean({AuditTrail.class, IntegrationEventPublisher.class})
    SchoolDigests schoolDigests(AuditTrail trail, MongoClient client, MongoProperties mongo,
                                IntegrationEventPublisher publisher,
                                @Value("${spring.application.name:casetrail}") String service,
                                ObjectProvider<Clock> clock, ObjectProvider<AccessLog> accessLog) {
        // The access log, where the service keeps one: its heads are anchored by the digests.
        return new SchoolDigests(trail, client.getDatabase(mongo.getMongoClientDatabase()), publisher, service,
                clock.getIfAvailable(Clock::systemUTC), accessLog.getIfAvailable());
    }
}
