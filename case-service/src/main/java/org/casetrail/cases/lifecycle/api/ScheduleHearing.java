package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.time.Instant;
import java.util.Set;

/** A disciplinary hearing is scheduled with written notice (ACAS). */
public record ScheduleHearing(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        Instant scheduledFor,
        Instant noticeGivenAt,
        String decisionMakerId,
        String decisionMakerOverrideReason,
        boolean companionAllowed) implements CaseCommand {
}
