package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** A breach found is dealt with informally, which closes the case. */
public record TakeInformalAction(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        InformalAction action,
        String description) implements CaseCommand {
}
