package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case was opened for a flagged disclosure: the link from the case to the disclosure version,
 * and the clause it may breach (a hint for the findings, not a finding). Follows the case's
 * {@link ConcernReported}, which opened it.
 */
@Revision("1")
public record CaseOpenedFromDisclosure(
        String caseId,
        String schoolId,
        String reference,
        String disclosureId,
        int version,
        String declarerId,
        String clause,
        String reason,
        Instant openedAt) {
}
