package org.casetrail.cases.lifecycle.api;

/** What the appeal decider decided about the outcome. */
public enum AppealDecision {
    UPHELD, OVERTURNED, VARIED
}
