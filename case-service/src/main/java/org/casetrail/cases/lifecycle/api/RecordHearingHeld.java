package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.time.Instant;
import java.util.Set;

/** The hearing took place. */
public record RecordHearingHeld(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        Instant heldAt,
        String accompaniedBy,
        String notes) implements CaseCommand {
}
