package org.casetrail.cases.lifecycle.api;

import java.util.Set;

/** The policy clause codes a finding may name as breached (domain.md: P7, P8, P10, P11). */
public final class BreachClauses {

    public static final Set<String> KNOWN = Set.of(
            "P7.CONTENT", "P7.CRITICISM", "P7.HARASSMENT", "P7.CONFIDENTIALITY", "P7.DATA_PROTECTION",
            "P7.LANGUAGE", "P7.JOB_IMPACT", "P7.REPUTATION", "P8", "P10", "P11.SCHOOL_EQUIPMENT");

    private BreachClauses() {
    }
}
