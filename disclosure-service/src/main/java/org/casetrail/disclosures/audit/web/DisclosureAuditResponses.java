package org.casetrail.disclosures.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewResult;

import java.time.Instant;
import java.util.List;

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

    /** A school digest of this service's chains, as case-service answers it for its own. */
    record DigestResponse(String digestId, String schoolId, String service, long number, Instant recordedAt,
                          String root, int leafCount, String algorithm, String previousDigestId, Instant publishedAt,
                          Long accessLogSequence, String accessLogHeadHash) {
    }

    record ProofStepResponse(String side, String hash) {
    }

    record LeafResponse(String aggregateId, long sequence, String headHash) {
    }

    /** Everything an auditor needs to recompute the digest's root from the disclosure's head (docs/audit.md). */
    record DigestProofResponse(DigestResponse digest, int index, LeafResponse leaf, String leafHash,
                               List<ProofStepResponse> path) {
    }
}
