package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.contracts.Role;

import java.util.Set;

/** The DSL records whether a safeguarding concern was referred externally (P6). */
public record RecordReferralDecision(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String actorId,
        Set<Role> actorRoles,
        String agency,
        String reference,
        ReferralDecision decision,
        String rationale) implements CaseCommand {
}
