package org.casetrail.cases.lifecycle.api;

/** Whether the DSL referred a safeguarding concern to an external agency (P6). */
public enum ReferralDecision {
    REFERRED, NOT_REFERRED
}
