package org.casetrail.cases.lifecycle.api;

/** The outcomes of a disciplinary hearing (P12). */
public enum DisciplinaryOutcome {
    FIRST_WRITTEN_WARNING, FINAL_WRITTEN_WARNING, DISMISSAL_WITH_NOTICE, SUMMARY_DISMISSAL
}
