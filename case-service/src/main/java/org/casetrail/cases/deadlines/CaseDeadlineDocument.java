package org.casetrail.cases.deadlines;

import org.casetrail.cases.lifecycle.api.DeadlineKind;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One clock of one case, in {@code case_deadlines}. The id is {@code caseId:kind:startSequence},
 * where {@code startSequence} is the sequence number of the event that started the clock, so a
 * replay writes the same document again.
 */
record CaseDeadlineDocument(@Id String id, String caseId, String schoolId, DeadlineKind kind, long startSequence,
                            Instant startedAt, Instant dueAt, DeadlineState state) {

    static String idOf(String caseId, DeadlineKind kind, long startSequence) {
        return caseId + ":" + kind + ":" + startSequence;
    }
}
