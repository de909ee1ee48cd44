package org.casetrail.disclosures.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewResult;

import java.time.Instant;

/** The disclosure audit bodies: the shape of the case audit's (api.md, "Audit"). */
final class DisclosureAuditResponses {

    private DisclosureAuditResponses() {
    }

    record ActorResponse(String userId, String role) {
    }

    record HistoryEntryResponse(long sequence, String type, String payloadType, String payloadRevision,
                                String aggregateType, String eventId, Instant occurredAt,
                                ActorResponse actor, String schoolId, String correlationId, String causationId,
                                String requestId, JsonNode payload, String hash, String previousHash) {
    }

    record VerificationResponse(boolean valid, int events, Long brokenAtSequence, String headHash, String reason) {
    }

    record DisclosureStateResponse(String disclosureId, Instant asOf, int eventsApplied, Long lastSequence,
                                   DisclosureStateView state) {
    }

    record DisclosureStateView(String disclosureId, String declarerId, int version, RelationshipDetails details,
                               DisclosureDecision decision, DisclosureRule rule, DisclosureState state,
                               ReviewResult reviewResult, String reviewConditions, String reviewRationale,
                               String reviewerId, Instant reviewedAt, String withdrawalReason, Instant declaredAt,
                               Instant updatedAt, String caseId) {
    }
}
