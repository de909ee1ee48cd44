package org.casetrail.contracts.cases;

/** How a case came to be closed; the published twin of case-service's resolution, status only. */
public enum CaseResolution {
    NO_FURTHER_ACTION, SUPPORT_OFFERED, REFERRAL_DECIDED, NO_CASE_TO_ANSWER, INFORMAL_ACTION, APPEAL_WINDOW_EXPIRED,
    APPEAL_DECIDED, WITHDRAWN
}
