package org.casetrail.disclosures.policy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reminder watch (as {@code system:policy-reminders}): remind one staff member who has not
 * acknowledged the version. Ignored once they have, or when that reminder was already sent.
 */
public record RemindPolicyAcknowledgement(
        @TargetAggregateIdentifier String policyVersionId,
        String schoolId,
        String userId,
        int reminder) {
}
