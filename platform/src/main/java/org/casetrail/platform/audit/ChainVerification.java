package org.casetrail.platform.audit;

/**
 * The result of walking one aggregate's hash chain (api.md, {@code GET /api/v1/cases/{caseId}/verify}).
 *
 * @param valid            every stored event is where the chain says, and its hash recomputes
 * @param events           how many events the chain has (its stream document's count)
 * @param brokenAtSequence the first sequence whose event is missing, out of place, altered, or
 *                         not linked to its predecessor; null when valid
 * @param headHash         the hash of the last event as stored (what a digest records); when broken,
 *                         the last hash that still verified (null if none did)
 * @param reason           why it broke, in words; null when valid
 */
public record ChainVerification(boolean valid, int events, Long brokenAtSequence, String headHash, String reason) {
}
