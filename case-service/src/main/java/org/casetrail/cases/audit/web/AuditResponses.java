package org.casetrail.cases.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.cases.lifecycle.api.CaseResolution;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.Severity;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The audit endpoints' bodies (api.md, "Audit"); field names are fixed there. */
final class AuditResponses {

    private AuditResponses() {
    }

    record ActorResponse(String userId, String role) {
    }

    /** One event as recorded, with its place in the chain. */
    record HistoryEntryResponse(long sequence, String type, String payloadType, String payloadRevision,
                                String aggregateType, String eventId, Instant occurredAt,
                                ActorResponse actor, String schoolId, String correlationId, String causationId,
                                String requestId, JsonNode payload, String hash, String previousHash) {
    }

    /** {@code brokenAtSequence} and {@code reason} are absent when the chain is valid. */
    record VerificationResponse(boolean valid, int events, Long brokenAtSequence, String headHash, String reason) {
    }

    record CaseStateResponse(String caseId, Instant asOf, int eventsApplied, Long lastSequence, CaseState state) {
    }

    /** The case as the case detail shows it, at the instant asked for. */
    record CaseState(String caseId, String reference, CaseCategory category, boolean safeguarding, CaseStatus status,
                     TriageRoute route, Severity severity, String summary, String details, Instant occurredAt,
                     String platform, SubjectState subject, String reporterId, Instant submittedAt,
                     boolean acknowledged, String investigatorId, Boolean breachFound, List<String> breachedClauses,
                     Boolean grossMisconduct, String hearingDecisionMakerId, Instant hearingScheduledFor,
                     DisciplinaryOutcome outcome, Instant appealWindowClosesAt, String appealDeciderId,
                     CaseResolution resolution, List<StepState> history) {
    }

    record SubjectState(String type, String userId, String name) {
    }

    record StepState(long sequence, String type, String actorId, String actorRole, Instant at, Map<String, Object> data) {
    }

    /** The access-log fields: the head of the school's access log in this service when the digest was taken. */
    record DigestResponse(String digestId, String schoolId, String service, long number, Instant recordedAt,
                          String root, int leafCount, String algorithm, String previousDigestId, Instant publishedAt,
                          Long accessLogSequence, String accessLogHeadHash) {
    }

    record ProofStepResponse(String side, String hash) {
    }

    record LeafResponse(String aggregateId, long sequence, String headHash) {
    }

    /** Everything an auditor needs to recompute the digest's root from the case's head (docs/audit.md). */
    record DigestProofResponse(DigestResponse digest, int index, LeafResponse leaf, String leafHash,
                               List<ProofStepResponse> path) {
    }

    /** The audit export of one case (JSON form; the HTML form renders the same). */
    record CaseExportResponse(String caseId, String reference, Instant exportedAt, ActorResponse exportedBy,
                              VerificationResponse verification, DigestProofResponse latestDigestProof,
                              List<HistoryEntryResponse> history) {
    }
}
