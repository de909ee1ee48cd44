package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** Evidence is added to an investigation. */
public record AddEvidence(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String evidenceId,
        String kind,
        String description,
        String reference,
        String sha256) implements CaseCommand {
}
