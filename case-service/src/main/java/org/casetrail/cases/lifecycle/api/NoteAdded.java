package org.casetrail.cases.lifecycle.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A note was added to the case. */
@Revision("1")
public record NoteAdded(
        String caseId,
        String schoolId,
        String noteId,
        String text,
        String addedBy,
        Instant addedAt) {
}
