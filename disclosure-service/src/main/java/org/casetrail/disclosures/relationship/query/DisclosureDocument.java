package org.casetrail.disclosures.relationship.query;

import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewResult;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;

/** One disclosure's current version, keyed by disclosure id. */
record DisclosureDocument(@Id String id, String schoolId, String declarerId, int version, RelationshipDetails details,
                          DisclosureDecision decision, DisclosureRule rule, DisclosureState state,
                          ReviewResult reviewResult, String reviewConditions, String reviewRationale,
                          String reviewerId, Instant reviewedAt, String withdrawalReason,
                          Instant declaredAt, Instant updatedAt, String caseId, LocalDate reconfirmationDueOn,
                          boolean reconfirmationOverdue, Instant reconfirmedAt) {
}
