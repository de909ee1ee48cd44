package org.casetrail.cases.deadlines;

/** PENDING until the watch has reported it (DONE) or an event stopped its clock (CANCELLED). */
enum DeadlineState {
    PENDING, DONE, CANCELLED
}
