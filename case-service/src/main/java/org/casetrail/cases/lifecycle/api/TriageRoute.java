package org.casetrail.cases.lifecycle.api;

/** How a triaged case proceeds (domain.md, the case state machine). */
public enum TriageRoute {
    NO_FURTHER_ACTION, SUPPORT, SAFEGUARDING, INVESTIGATION
}
