package org.casetrail.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.casetrail.platform.eventstore.CasetrailMongoEventStorageEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The event store, token store and serializers on MongoDB through the Axon Mongo extension, wired
 * by hand rather than by an auto-configuration so that nothing enables Mongo transactions (the
 * embedded server has none) and every index the extension relies on is created (stack.md, trap 1).
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
@ConditionalOnClass({MongoEventStorageEngine.class, MongoClient.class})
@EnableConfigurationProperties(AxonMongoProperties.class)
public class AxonMongoAutoConfiguration {

    /**
     * Stored events and tokens outlive every deploy: unknown fields are tolerated so that an event
     * class may gain a field; losing one requires an upcaster.
     */
    static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).defaultTyping().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.getMongoClientDatabase())
                .build();
    }

    /**
     * casetrail's own engine (docs/adr/0001): every hot path an _id lookup, so a command and a
     * rebuild cost the same at 10,000 and 100,000 events on the embedded server, where the
     * extension's engine scans. Set {@code casetrail.axon.event-storage=axon-mongo} to use the
     * extension's document-per-event engine instead; the two do not read each other's data.
     */
    @Bean
    @ConditionalOnProperty(name = "casetrail.axon.event-storage", havingValue = "casetrail", matchIfMissing = true)
    EventStorageEngine casetrailEventStorageEngine(MongoClient client, MongoProperties mongo, Serializer serializer,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   ObjectProvider<EventUpcaster> upcasters,
                                                   AxonMongoProperties properties) {
        CasetrailMongoEventStorageEngine engine = CasetrailMongoEventStorageEngine.builder()
                .database(client.getDatabase(mongo.getMongoClientDatabase()))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .batchSize(properties.eventBatchSize())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    @ConditionalOnProperty(name = "casetrail.axon.event-storage", havingValue = "axon-mongo")
    EventStorageEngine eventStorageEngine(MongoTemplate template, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<EventUpcaster> upcasters) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer, AxonMongoProperties properties) {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(properties.tokenClaimTimeout())
                .ensureIndexes(true)
                .build();
        store.ensureIndexes();
        return store;
    }

    @Bean
    TransactionManager axonTransactionManager() {
        // The embedded server has no transactions; each event document is written atomically on its own.
        return org.axonframework.common.transaction.NoTransactionManager.INSTANCE;
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /**
     * A failing event handler must not be skipped silently: the processor stops at that event and
     * retries with backoff, and its token does not move (stack.md, trap 2, for the publisher; for
     * projections, a skipped event would leave a read model wrong without anyone knowing).
     */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    ConfigurerModule stampRequestMetadataOnCommands() {
        return configurer -> configurer.onInitialize(c -> c.onStart(() ->
                c.commandBus().registerDispatchInterceptor(new RequestMetadataInterceptor())));
    }

    @Bean
    @ConditionalOnWebApplication
    AxonProblemHandling axonProblemHandling() {
        return new AxonProblemHandling();
    }
}
