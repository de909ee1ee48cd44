package org.casetrail.disclosures.relationship.api;

import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A disclosure's current version and where it stands, for its declarer and the school's Principal.
 *
 * @param caseId                the conduct case opened from a flag of it, once case-service has opened one
 * @param reconfirmationDueOn   the day by which the declarer re-confirms it (yearly)
 * @param reconfirmationOverdue true once that day passed unconfirmed (reported to the Principal)
 * @param reconfirmedAt         when the declarer last re-confirmed it, if ever
 */
public record DisclosureView(
        String disclosureId,
        String declarerId,
        int version,
        RelationshipDetails details,
        DisclosureDecision decision,
        DisclosureRule rule,
        DisclosureState state,
        ReviewResult reviewResult,
        String reviewConditions,
        String reviewRationale,
        String reviewerId,
        Instant reviewedAt,
        String withdrawalReason,
        Instant declaredAt,
        Instant updatedAt,
        String caseId,
        LocalDate reconfirmationDueOn,
        boolean reconfirmationOverdue,
        Instant reconfirmedAt) {
}
