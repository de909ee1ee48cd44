package org.casetrail.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.casetrail.contracts.IntegrationEvents;
import org.casetrail.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaProperties.class)
public class CasetrailKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CasetrailKafkaAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, String> template, KafkaProperties properties) {
        return new IntegrationEventPublisher(template, properties.publishTimeout());
    }

    @Bean
    KafkaAdmin.NewTopics casetrailTopics(KafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.topics()) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicas()).build());
            topics.add(deadLetterOf(topic, properties));
        }
        for (String topic : properties.compactedTopics()) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicas())
                    .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build());
            topics.add(deadLetterOf(topic, properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Replay of dead letters, for the topics this service consumes (casetrail.kafka.consumed-topics);
     * absent when it consumes none.
     */
    @Bean
    @ConditionalOnProperty(name = "casetrail.kafka.consumed-topics[0]")
    DeadLetterReplay deadLetterReplay(org.springframework.boot.autoconfigure.kafka.KafkaProperties kafka,
                                      KafkaTemplate<String, String> template, KafkaProperties properties,
                                      @Value("${spring.application.name}") String application) {
        return new DeadLetterReplay(kafka.buildConsumerProperties(null), template,
                java.util.Set.copyOf(properties.consumedTopics()), application + "-dead-letter-replay",
                properties.publishTimeout(), java.time.Duration.ofSeconds(2));
    }

    @Bean
    @ConditionalOnProperty(name = "casetrail.kafka.consumed-topics[0]")
    @ConditionalOnWebApplication
    DeadLetterController deadLetterController(DeadLetterReplay replay) {
        return new DeadLetterController(replay);
    }

    private static NewTopic deadLetterOf(String topic, KafkaProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions())
                .replicas(properties.replicas()).build();
    }

    /**
     * Retries a failing record with exponential backoff, then moves it to {@code <topic>.dlt} with
     * the failure in its headers, so the records behind it keep flowing. A record that can never be
     * read is not retried at all.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler casetrailConsumerErrorHandler(KafkaTemplate<String, String> template, KafkaProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        KafkaProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            log.warn("moving {}-{}@{} to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), failure.getMessage());
            recoverer.accept(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(IntegrationEvents.MalformedEnvelopeException.class,
                DeserializationException.class, PoisonMessage.class);
        return handler;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
    static class IdempotentConsumers {

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        ProcessedEventLog processedEventLog(MongoTemplate mongo, Clock clock) {
            return new ProcessedEventLog(mongo, clock);
        }
    }
}
