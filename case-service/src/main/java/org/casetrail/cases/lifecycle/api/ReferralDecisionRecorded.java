package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The DSL's external referral decision. */
@Revision("1")
public record ReferralDecisionRecorded(
        String caseId,
        String schoolId,
        String agency,
        String agencyReference,
        ReferralDecision decision,
        String rationale,
        String decidedBy,
        Instant decidedAt) {
}
