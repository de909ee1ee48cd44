package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The deadline watch reports that a clock ran out. Sent by the system, never over HTTP: the case
 * decides whether the deadline still applies, and ignores it when it does not (already recorded,
 * the clock was stopped, or a newer clock replaced the one that started at {@code startedAt}).
 */
public record RecordDeadlineMissed(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        DeadlineKind kind,
        Instant startedAt,
        Instant dueAt) {
}
