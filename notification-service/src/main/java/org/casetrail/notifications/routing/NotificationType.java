package org.casetrail.notifications.routing;

/** What a notification tells its recipient; the wire name of the inbox's {@code type}. */
public enum NotificationType {
    /** A new concern to act on, for the people domain.md's routing table names. */
    CONCERN_REPORTED,
    /** P8, P10: a relationship disclosure was flagged and a conduct case opened from it (no disclosure content). */
    DISCLOSURE_FLAGGED,
    /** The reporter's own receipt: status only, no content. */
    REPORT_RECEIVED,
    /** A case the recipient investigates was triaged. */
    CASE_TRIAGED,
    /** The recipient was assigned to investigate a case. */
    INVESTIGATOR_ASSIGNED,
    /** The subject's written notice of a disciplinary hearing: the first time the subject hears of the case. */
    HEARING_NOTICE,
    /** A hearing was scheduled, for HR. */
    HEARING_SCHEDULED,
    /** The hearing's outcome was decided (the outcome itself is read in the case, not here). */
    OUTCOME_DECIDED,
    /** The appeal was decided (the decision itself is read in the case, not here). */
    APPEAL_DECIDED,
    /** The reporter's report was closed: status only, no content. */
    REPORT_CLOSED,
    /** The reporter's closed report was reopened: status only, no content. */
    REPORT_REOPENED,
    /** P6: the DSL had not acknowledged a safeguarding case in time; escalated. */
    SAFEGUARDING_ESCALATED,
    /** A case was not triaged in time. */
    TRIAGE_OVERDUE,
    /** P3: a policy query was not answered in time. */
    POLICY_QUERY_OVERDUE,
    /** P4: an investigation had not reached findings in time. */
    INVESTIGATION_OVERDUE,
    /** P8, P10: a PERMITTED_TRANSPARENT disclosure waits for the Principal's review. */
    DISCLOSURE_AWAITING_REVIEW,
    /** A disclosure was decided again (a student counterpart turned 18), for the Principal. */
    DISCLOSURE_REEVALUATED,
    /** The declarer's yearly re-confirmation of a disclosure is due. */
    DISCLOSURE_RECONFIRMATION_DUE,
    /** A disclosure was not re-confirmed in time, for the Principal. */
    DISCLOSURE_RECONFIRMATION_OVERDUE,
    /** Repeated approaches from one counterpart (a possible safeguarding signal), for the DSLs. */
    APPROACHES_REPEATED,
    /** P2: a new policy version to acknowledge, for every staff member. */
    POLICY_VERSION_PUBLISHED,
    /** P2: a reminder to acknowledge the current policy version. */
    POLICY_ACKNOWLEDGEMENT_DUE,
    /** An urgent notification nobody acknowledged in time, escalated to the Principal (no content of its own). */
    NOTIFICATION_UNACKNOWLEDGED
}
