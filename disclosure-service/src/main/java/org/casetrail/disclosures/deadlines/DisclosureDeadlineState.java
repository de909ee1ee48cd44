package org.casetrail.disclosures.deadlines;

/** PENDING until the watch has sent its command and the disclosure accepted it (DONE). */
enum DisclosureDeadlineState {
    PENDING, DONE
}
