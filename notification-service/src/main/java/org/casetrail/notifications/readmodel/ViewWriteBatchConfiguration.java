package org.casetrail.notifications.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.casetrail.notifications.delivery.query.DeliveriesProjection;
import org.casetrail.notifications.inbox.InboxProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The tracking processors whose handlers write through {@link ViewWriteBatch}: flushed once per batch. */
@Configuration(proxyBeanMethods = false)
class ViewWriteBatchConfiguration {

    static final List<String> BATCHED_PROCESSORS = List.of(InboxProjection.GROUP, DeliveriesProjection.GROUP);

    @Bean
    ConfigurerModule flushViewWritesAtEndOfBatch() {
        return configurer -> BATCHED_PROCESSORS.forEach(processor -> configurer.eventProcessing()
                .registerHandlerInterceptor(processor, configuration -> ViewWriteBatch.flushAtEndOfBatch()));
    }
}
