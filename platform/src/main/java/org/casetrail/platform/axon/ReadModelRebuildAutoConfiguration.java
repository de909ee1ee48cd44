package org.casetrail.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The blue/green read-model rebuild (see {@link ReadModelRebuild}): the service's MongoTemplate that
 * writes to shadows on a rebuilding processor's threads, the handler interceptor that marks those
 * threads, the ADMIN endpoint and the {@code rebuild} command of the service's jar; and the
 * read-your-writes wait ({@link ReadModelCatchUp}) for read models built by tracking processors.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoDataAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration")
@ConditionalOnClass({MongoClient.class, MongoTemplate.class, EventProcessingConfiguration.class})
@EnableConfigurationProperties({ReadModelRebuildProperties.class, ReadModelCatchUpProperties.class})
public class ReadModelRebuildAutoConfiguration {

    /** Set by {@link ReadModelRebuildEnvironment} when the jar runs as the {@code rebuild} command. */
    @Bean
    @ConditionalOnProperty(name = ReadModelRebuildEnvironment.COMMAND_PROPERTY, havingValue = "true")
    static RebuildCommandWithoutScheduledJobs rebuildCommandWithoutScheduledJobs() {
        return new RebuildCommandWithoutScheduledJobs();
    }

    @Bean
    ReadModelRebuildShadows readModelShadows(MongoClient client, MongoProperties mongo) {
        return new ReadModelRebuildShadows(client.getDatabase(mongo.getMongoClientDatabase()));
    }

    /** Replaces Boot's MongoTemplate (which backs off when one exists); the same template otherwise. */
    @Bean
    @ConditionalOnMissingBean(MongoOperations.class)
    MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter, ReadModelRebuildShadows shadows) {
        return new ReadModelRebuildMongoTemplate(factory, converter, shadows);
    }

    @Bean
    ConfigurerModule readModelRebuildInterceptors(ReadModelRebuildShadows shadows) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new ReadModelRebuildInterceptor(processor, shadows));
    }

    @Bean
    ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing, EventStore eventStore,
                                      ReadModelRebuildShadows shadows, MongoClient client, MongoProperties mongo,
                                      ObjectProvider<Clock> clock, ReadModelRebuildProperties properties) {
        return new ReadModelRebuild(processing, eventStore, shadows, client.getDatabase(mongo.getMongoClientDatabase()),
                clock.getIfAvailable(Clock::systemUTC), properties.swapCheckInterval());
    }

    @Bean
    ReadModelCatchUp readModelCatchUp(EventProcessingConfiguration processing, EventStore eventStore,
                                      ReadModelRebuildShadows shadows, ObjectProvider<EventStorageEngine> engine,
                                      ReadModelCatchUpProperties properties) {
        // casetrail's engine knows its head from one _id read; any other engine builds a head token.
        LongSupplier head = engine.getIfAvailable() instanceof CasetrailMongoEventStorageEngine casetrail
                ? casetrail::headSequence
                : () -> {
                    TrackingToken token = eventStore.createHeadToken();
                    return token == null ? 0 : token.position().orElse(0);
                };
        return new ReadModelCatchUp(processing, shadows, head, properties.catchUpTimeout());
    }

    @Bean
    ReadModelRebuildCommandLine readModelRebuildCommandLine(ReadModelRebuild rebuild, EventProcessingConfiguration processing,
                                                            ReadModelRebuildProperties properties,
                                                            ConfigurableApplicationContext context, Environment environment) {
        return new ReadModelRebuildCommandLine(rebuild, processing, properties, context,
                environment.getProperty("spring.application.name", "service"));
    }

    @Bean
    @ConditionalOnWebApplication
    ReadModelRebuildController readModelRebuildController(ReadModelRebuild rebuild) {
        return new ReadModelRebuildController(rebuild);
    }
}
