package org.casetrail.platform.kafka;

import org.casetrail.contracts.EventEnvelope;
import org.casetrail.contracts.IntegrationEvents;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an envelope and returns only once the broker acknowledged it (acks=all, idempotent
 * producer). Callers that track progress (Axon tokens) advance it after this returns, never before.
 */
public class IntegrationEventPublisher {

    private final KafkaTemplate<String, String> template;
    private final Duration timeout;

    public IntegrationEventPublisher(KafkaTemplate<String, String> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** Keyed by aggregate id so that one aggregate's events stay in order on one partition. */
    public void publish(String topic, EventEnvelope envelope) {
        try {
            template.send(topic, envelope.aggregateId(), IntegrationEvents.toJson(envelope))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed(topic, envelope, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailed(topic, envelope, e);
        }
    }

    /** The broker did not confirm; the event must be offered again. */
    public static final class PublishFailed extends RuntimeException {
        PublishFailed(String topic, EventEnvelope envelope, Exception cause) {
            super("publishing " + envelope.eventType() + " " + envelope.eventId() + " to " + topic
                    + " was not acknowledged", cause);
        }
    }
}
