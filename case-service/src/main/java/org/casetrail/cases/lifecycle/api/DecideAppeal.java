package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** The named appeal decider decides the appeal, which closes the case. */
public record DecideAppeal(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        AppealDecision decision,
        DisciplinaryOutcome variedOutcome,
        String rationale) implements CaseCommand {
}
