package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.time.LocalDate;
import java.util.Set;

/** The subject is suspended while the investigation runs; not a sanction. */
public record SuspendPrecautionarily(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String reason,
        LocalDate from,
        LocalDate until) implements CaseCommand {
}
