package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** The outcome of the hearing (P12). */
public record DecideOutcome(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        DisciplinaryOutcome outcome,
        String rationale) implements CaseCommand {
}
