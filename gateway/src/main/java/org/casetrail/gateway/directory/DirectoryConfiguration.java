package org.casetrail.gateway.directory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    /** Ordered after the demo seeder, so start-up ends with everything stored also published. */
    static final int SWEEP_ORDER = Ordered.LOWEST_PRECEDENCE;

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
