package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.List;
import java.util.Set;

/** The investigation's findings (P7, P8, P10, P11, P12). */
public record RecordFindings(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        boolean breachFound,
        List<String> breachedClauses,
        boolean grossMisconduct,
        GrossMisconductReason grossMisconductReason,
        String grossMisconductReasonText,
        String summary) implements CaseCommand {
}
