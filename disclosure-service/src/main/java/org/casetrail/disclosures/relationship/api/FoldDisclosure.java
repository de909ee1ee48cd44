package org.casetrail.disclosures.relationship.api;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * A disclosure as the given events of it leave it, folded by the same projection that keeps the
 * read model but not stored in it: its state at an instant (api.md, audit). Who may ask is decided
 * by the caller.
 */
public record FoldDisclosure(String disclosureId, List<DomainEventMessage<?>> events) {
}
