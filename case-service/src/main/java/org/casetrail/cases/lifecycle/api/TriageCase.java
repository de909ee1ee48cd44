package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** Triage decides the route of a reported case. */
public record TriageCase(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        TriageRoute route,
        Severity severity,
        String rationale) implements CaseCommand {
}
