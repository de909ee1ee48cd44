package org.casetrail.cases.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the STAFF_CONDUCT case for a flagged disclosure (P8, P10), on behalf of the system. The case
 * id is derived from the disclosure and its version, so sending it again finds the case it opened
 * and does nothing.
 *
 * @param clause the policy clause concerned, {@code P8} or {@code P10}: recorded as a breach hint
 */
public record OpenCaseFromDisclosure(
        @TargetAggregateIdentifier String caseId,
        String schoolId,
        String disclosureId,
        int version,
        String declarerId,
        String clause,
        String reason,
        String reporterId) {
}
