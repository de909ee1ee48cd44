package org.casetrail.cases.lifecycle.api;

/** The clocks a case runs against (domain.md, "Deadlines"); each one is started and stopped by the case's events. */
public enum DeadlineKind {
    /** P6: a safeguarding concern not acknowledged by the DSL within the first period goes to the Principal. */
    ACKNOWLEDGEMENT_FIRST_ESCALATION,
    /** P6: still not acknowledged after the second period: escalated again. */
    ACKNOWLEDGEMENT_SECOND_ESCALATION,
    /** Not triaged within the working days allowed (from the report, or from a reopening). */
    TRIAGE,
    /** A POLICY_QUERY not answered (triaged or closed) within the working days allowed. */
    POLICY_QUERY_ANSWER,
    /** P4: an investigation not at findings within the working days allowed after the investigator's assignment. */
    INVESTIGATION,
    /** The appeal window after an outcome closed without an appeal: the case closes. */
    APPEAL_WINDOW
}
