package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.time.Instant;
import java.util.Set;

/** An investigation interview is recorded. */
public record RecordInterview(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String interviewId,
        String intervieweeId,
        String intervieweeName,
        Instant heldAt,
        String summary,
        String accompaniedBy) implements CaseCommand {
}
