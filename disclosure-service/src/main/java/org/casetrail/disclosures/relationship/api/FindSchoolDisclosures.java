package org.casetrail.disclosures.relationship.api;

import org.casetrail.contracts.disclosures.DisclosureDecision;

/**
 * A school's disclosures for its Principal, optionally narrowed by state, decision and whether
 * re-confirmation is overdue (null: any).
 */
public record FindSchoolDisclosures(String schoolId, DisclosureState state, DisclosureDecision decision,
                                    Boolean reconfirmationOverdue) {
}
