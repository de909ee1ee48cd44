package org.casetrail.cases.lifecycle.api;

/** How serious the triager judged the concern. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
