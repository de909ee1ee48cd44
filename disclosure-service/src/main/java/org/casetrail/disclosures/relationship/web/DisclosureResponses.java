package org.casetrail.disclosures.relationship.web;

import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.ReviewResult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

final class DisclosureResponses {

    private DisclosureResponses() {
    }

    /**
     * api.md: {@code {disclosureId, decision}}; the version is added so an amendment's answer says which,
     * and {@code caseId} when the decision flagged it: the id of the conduct case case-service opens from
     * the flag (derived from the disclosure and version, so known before the case is).
     */
    record DecisionResponse(String disclosureId, DisclosureDecision decision, int version, String caseId) {
    }

    record DisclosureResponse(String disclosureId, String declarerId, int version, CounterpartType counterpartType,
                              String counterpartName, LocalDate counterpartDateOfBirth, RelationshipBasis basis,
                              String basisOther, List<String> platforms, String description,
                              DisclosureDecision decision, DisclosureRule rule, DisclosureState state,
                              ReviewResult reviewResult, String reviewConditions, String reviewRationale,
                              String reviewerId, Instant reviewedAt, String withdrawalReason,
                              Instant declaredAt, Instant updatedAt, String caseId,
                              LocalDate reconfirmationDueOn, boolean reconfirmationOverdue, Instant reconfirmedAt) {
    }
}
