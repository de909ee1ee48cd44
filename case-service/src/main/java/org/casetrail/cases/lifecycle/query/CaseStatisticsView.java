package org.casetrail.cases.lifecycle.query;

import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.TriageRoute;
import org.casetrail.contracts.cases.CaseCategory;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to {@link FindCaseStatistics}. Every map holds every value of its enum, zeros included,
 * so a dashboard need not know the enums. Counts only: no reference, no person, no content.
 *
 * @param cases                the cases counted
 * @param byRoute              the current route of triaged cases (a reopened case awaiting triage again has none)
 * @param byOutcome            the disciplinary outcome decided (not varied by an appeal)
 * @param medianDaysToTriage   calendar days from the report ({@code ConcernReported.submittedAt}) to the
 *                             first triage ({@code CaseTriaged.triagedAt}); null when no case was triaged
 * @param triaged              how many cases the triage median is taken over
 * @param medianDaysToFindings calendar days from the investigator's assignment ({@code InvestigatorAssigned
 *                             .assignedAt}, the latest before the findings) to the first findings
 *                             ({@code FindingsRecorded.recordedAt}): the investigation's own duration, the
 *                             span P4's deadline watches; null when no case has findings
 * @param withFindings         how many cases the findings median is taken over
 */
public record CaseStatisticsView(Instant from, Instant to, long cases, Map<CaseCategory, Long> byCategory,
                                 Map<CaseStatus, Long> byStatus, Map<TriageRoute, Long> byRoute,
                                 Map<DisciplinaryOutcome, Long> byOutcome, Overdue overdue, Double medianDaysToTriage,
                                 long triaged, Double medianDaysToFindings, long withFindings) {

    /**
     * Open cases with at least one clock run out and still running ({@code open}), and per clock
     * ({@code TRIAGE}, {@code POLICY_QUERY_ANSWER}, {@code INVESTIGATION}, {@code ACKNOWLEDGEMENT}); a case
     * overdue on two clocks counts once in {@code open} and once under each clock.
     */
    public record Overdue(long open, Map<String, Long> byKind) {
    }
}
