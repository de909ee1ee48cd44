package org.casetrail.cases.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The deadlines of domain.md ("Deadlines"), with per-school overrides. The appeal window is
 * {@code casetrail.cases.appeal.window-days}: the case fixes it when the outcome is decided.
 *
 * @param acknowledgementEscalation       a safeguarding case not acknowledged by the DSL this long after the report is escalated
 * @param acknowledgementSecondEscalation … and escalated again this long after the report
 * @param triage                          working days (Mon–Fri) from the report, or a reopening, to triage
 * @param policyQuery                     working days from the report to answer a POLICY_QUERY
 * @param investigation                   working days from the investigator's assignment to the findings
 * @param schools                         per school id, the values that differ from the above
 * @param watch                           how often the watch looks for deadlines that ran out
 */
@ConfigurationProperties("casetrail.cases.deadlines")
record DeadlineProperties(@DefaultValue("PT1H") Duration acknowledgementEscalation,
                          @DefaultValue("PT4H") Duration acknowledgementSecondEscalation,
                          @DefaultValue("2") int triage,
                          @DefaultValue("3") int policyQuery,
                          @DefaultValue("20") int investigation,
                          Map<String, SchoolDeadlines> schools,
                          @DefaultValue Watch watch) {

    DeadlineProperties {
        schools = schools == null ? Map.of() : Map.copyOf(schools);
        watch = watch == null ? new Watch(true, Duration.ofSeconds(30), 100) : watch;
    }

    /** The defaults of domain.md. */
    static DeadlineProperties defaults() {
        return new DeadlineProperties(Duration.ofHours(1), Duration.ofHours(4), 2, 3, 20, Map.of(), null);
    }

    /** The deadlines that apply in a school: its overrides, else the defaults. */
    SchoolDeadlines of(String schoolId) {
        SchoolDeadlines own = schools.get(schoolId);
        if (own == null) {
            return new SchoolDeadlines(acknowledgementEscalation, acknowledgementSecondEscalation, triage, policyQuery,
                    investigation);
        }
        return new SchoolDeadlines(
                own.acknowledgementEscalation() != null ? own.acknowledgementEscalation() : acknowledgementEscalation,
                own.acknowledgementSecondEscalation() != null
                        ? own.acknowledgementSecondEscalation() : acknowledgementSecondEscalation,
                own.triage() != null ? own.triage() : triage,
                own.policyQuery() != null ? own.policyQuery() : policyQuery,
                own.investigation() != null ? own.investigation() : investigation);
    }

    /** A school's values; in an override, a missing one falls back to the default. */
    record SchoolDeadlines(Duration acknowledgementEscalation, Duration acknowledgementSecondEscalation,
                           Integer triage, Integer policyQuery, Integer investigation) {
    }

    /**
     * @param enabled    false in tests, which drive {@link DeadlineWatch#fireDue()} themselves
     * @param fixedDelay pause between two looks
     * @param batchSize  deadlines handled per look, earliest first
     */
    record Watch(@DefaultValue("true") boolean enabled,
                 @DefaultValue("PT30S") Duration fixedDelay,
                 @DefaultValue("100") int batchSize) {
    }
}
