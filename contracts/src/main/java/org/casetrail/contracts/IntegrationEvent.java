package org.casetrail.contracts;

/**
 * A payload that may travel in an {@link EventEnvelope}. Implementations are records whose
 * {@link IntegrationEventType} annotation names their wire type and schema version.
 */
public interface IntegrationEvent {
}
