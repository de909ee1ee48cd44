package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An investigator was assigned; the case is under investigation. */
@Revision("1")
public record InvestigatorAssigned(
        String caseId,
        String schoolId,
        String investigatorId,
        String assignedBy,
        Instant assignedAt) {
}
