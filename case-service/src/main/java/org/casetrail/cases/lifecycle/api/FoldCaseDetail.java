package org.casetrail.cases.lifecycle.api;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;

/**
 * The case detail folded from the given events of one case by the same projection that keeps the
 * read model, not stored in it: the state of a case as it was at an instant (api.md, audit). Who may
 * ask is decided by the caller.
 */
public record FoldCaseDetail(String caseId, List<DomainEventMessage<?>> events) {
}
