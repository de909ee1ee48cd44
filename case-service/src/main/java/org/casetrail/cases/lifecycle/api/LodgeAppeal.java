package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** The subject (or HR on their behalf) appeals against the outcome. */
public record LodgeAppeal(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String grounds,
        String appealDeciderId) implements CaseCommand {
}
