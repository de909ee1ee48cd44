package org.casetrail.cases.lifecycle.api;

/** The informal ways to deal with a breach found, which close the case. */
public enum InformalAction {
    INFORMAL_ADVICE, TRAINING
}
