package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** The DSL acknowledges a safeguarding case (P6). */
public record AcknowledgeSafeguarding(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String note) implements CaseCommand {
}
