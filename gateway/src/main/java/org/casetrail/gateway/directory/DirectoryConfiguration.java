package org.casetrail.gateway.directory;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.casetrail.contracts.Topics;
import org.casetrail.platform.kafka.KafkaProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    /** Ordered after the demo seeder, so start-up ends with everything stored also published. */
    static final int SWEEP_ORDER = Ordered.LOWEST_PRECEDENCE;

    /**
     * Compacted: the topic keeps the latest state of every user (keyed by user id) for ever, so a
     * service that starts reading from the beginning holds the whole directory. Not listed in
     * casetrail.kafka.topics, which would create it without compaction.
     */
    @Bean
    NewTopic directoryTopic(KafkaProperties kafka) {
        return TopicBuilder.name(Topics.DIRECTORY_EVENTS).partitions(kafka.partitions()).replicas(kafka.replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    PasswordEncoder passwordEncoder(DirectoryProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    /** Repairs a crash between save and publish before the gateway reports itself ready. */
    @Bean
    @Order(SWEEP_ORDER)
    ApplicationRunner directorySweepAtStartup(DirectoryEventPublisher publisher) {
        return (ApplicationArguments args) -> publisher.sweep();
    }
}
