package org.casetrail.cases.publishing;

/** Reads a case's facts from its own event stream, as they stood before a given event. */
interface CaseHistory {

    /** The facts folded from the case's events with a sequence number below {@code sequence}. */
    CaseFacts before(String caseId, long sequence);
}
