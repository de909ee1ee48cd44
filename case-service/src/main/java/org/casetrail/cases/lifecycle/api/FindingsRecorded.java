package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The investigation's findings were recorded. */
@Revision("1")
public record FindingsRecorded(
        String caseId,
        String schoolId,
        boolean breachFound,
        List<String> breachedClauses,
        boolean grossMisconduct,
        GrossMisconductReason grossMisconductReason,
        String grossMisconductReasonText,
        String summary,
        String recordedBy,
        Instant recordedAt) {
}
