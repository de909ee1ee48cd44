package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Support was offered to the targeted staff member (P14). */
@Revision("1")
public record SupportOffered(
        String caseId,
        String schoolId,
        String offeredTo,
        String description,
        String offeredBy,
        Instant offeredAt) {
}
