package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.cases.CaseCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Deadlines (domain.md, "Deadlines"): what a missed deadline records, and when it no longer applies. */
class CaseDeadlineTest extends CaseFixtureSupport {

    private static final Instant ONE_HOUR_IN = REPORTED_AT.plus(Duration.ofHours(1));
    private static final Instant FOUR_HOURS_IN = REPORTED_AT.plus(Duration.ofHours(4));
    private static final Instant TWO_WORKING_DAYS_IN = REPORTED_AT.plus(Duration.ofDays(2));

    private static RecordDeadlineMissed missed(DeadlineKind kind, Instant startedAt, Instant dueAt) {
        return new RecordDeadlineMissed(CASE, SCHOOL, kind, startedAt, dueAt);
    }

    private static ConcernReported safeguardingReported() {
        return reported(CaseCategory.SAFEGUARDING, true);
    }

    private static SafeguardingAcknowledgementEscalated escalated(int level, Instant dueAt, Instant at) {
        return new SafeguardingAcknowledgementEscalated(CASE, SCHOOL, level, dueAt, at);
    }

    // ------------------------------------------------------------------ safeguarding acknowledgement (P6)

    @Test
    void anUnacknowledgedSafeguardingCaseIsEscalatedToThePrincipal() {
        given(history(safeguardingReported()))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectEvents(escalated(1, ONE_HOUR_IN, NOW));
    }

    @Test
    void stillUnacknowledgedItIsEscalatedASecondTime() {
        given(history(safeguardingReported(), escalated(1, ONE_HOUR_IN, ONE_HOUR_IN)))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, REPORTED_AT, FOUR_HOURS_IN))
                .expectEvents(escalated(2, FOUR_HOURS_IN, NOW));
    }

    @Test
    void escalationHappensAtMostTwice() {
        List<Object> twice = history(safeguardingReported(), escalated(1, ONE_HOUR_IN, ONE_HOUR_IN),
                escalated(2, FOUR_HOURS_IN, FOUR_HOURS_IN));
        given(twice).when(missed(DeadlineKind.ACKNOWLEDGEMENT_SECOND_ESCALATION, REPORTED_AT, FOUR_HOURS_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        given(twice).when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aRepeatedEscalationIsIgnored() {
        given(history(safeguardingReported(), escalated(1, ONE_HOUR_IN, ONE_HOUR_IN)))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAcknowledgedCaseIsNotEscalated() {
        given(history(safeguardingReported(),
                new SafeguardingAcknowledged(CASE, SCHOOL, "seen", DSL, REPORTED_AT.plusSeconds(600))))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aCaseWithoutSafeguardingIsNotEscalated() {
        given(history(conductReported()))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aWithdrawnCaseIsNotEscalated() {
        given(history(safeguardingReported(),
                new ConcernWithdrawn(CASE, SCHOOL, "resolved", REPORTER, REPORTED_AT.plusSeconds(60))))
                .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, ONE_HOUR_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // ------------------------------------------------------------------ triage and policy queries

    @Test
    void anUntriagedCaseIsOverdue() {
        given(history(conductReported()))
                .when(missed(DeadlineKind.TRIAGE, REPORTED_AT, TWO_WORKING_DAYS_IN))
                .expectEvents(new TriageOverdue(CASE, SCHOOL, TWO_WORKING_DAYS_IN, NOW));
    }

    @Test
    void aTriagedCaseIsNotOverdue() {
        given(history(conductReported(), triaged(TriageRoute.INVESTIGATION)))
                .when(missed(DeadlineKind.TRIAGE, REPORTED_AT, TWO_WORKING_DAYS_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void triageOverdueIsRecordedOnce() {
        given(history(conductReported(), new TriageOverdue(CASE, SCHOOL, TWO_WORKING_DAYS_IN, TWO_WORKING_DAYS_IN)))
                .when(missed(DeadlineKind.TRIAGE, REPORTED_AT, TWO_WORKING_DAYS_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aReopenedCaseRunsANewTriageClockAndIgnoresTheOldOne() {
        Instant reopenedAt = NOW.minus(Duration.ofDays(5));
        Instant due = reopenedAt.plus(Duration.ofDays(2));
        List<Object> reopened = history(conductReported(), new TriageOverdue(CASE, SCHOOL, TWO_WORKING_DAYS_IN,
                        TWO_WORKING_DAYS_IN), triaged(TriageRoute.NO_FURTHER_ACTION),
                new CaseClosed(CASE, SCHOOL, CaseResolution.NO_FURTHER_ACTION, "nothing", PRINCIPAL,
                        REPORTED_AT.plus(Duration.ofDays(3))),
                new CaseReopened(CASE, SCHOOL, "new evidence", PRINCIPAL, reopenedAt));
        given(reopened).when(missed(DeadlineKind.TRIAGE, reopenedAt, due))
                .expectEvents(new TriageOverdue(CASE, SCHOOL, due, NOW));
        given(reopened).when(missed(DeadlineKind.TRIAGE, REPORTED_AT, TWO_WORKING_DAYS_IN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anUnansweredPolicyQueryIsOverdue() {
        Instant due = REPORTED_AT.plus(Duration.ofDays(3));
        given(history(reported(CaseCategory.POLICY_QUERY, false)))
                .when(missed(DeadlineKind.POLICY_QUERY_ANSWER, REPORTED_AT, due))
                .expectEvents(new PolicyQueryOverdue(CASE, SCHOOL, due, NOW));
    }

    @Test
    void anAnsweredPolicyQueryIsNotOverdue() {
        given(history(reported(CaseCategory.POLICY_QUERY, false), triaged(TriageRoute.NO_FURTHER_ACTION)))
                .when(missed(DeadlineKind.POLICY_QUERY_ANSWER, REPORTED_AT, REPORTED_AT.plus(Duration.ofDays(3))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // ------------------------------------------------------------------ investigation (P4)

    @Test
    void anInvestigationWithoutFindingsIsOverdue() {
        Instant assignedAt = investigatorAssigned().assignedAt();
        Instant due = NOW.minus(Duration.ofHours(1));
        given(investigating())
                .when(missed(DeadlineKind.INVESTIGATION, assignedAt, due))
                .expectEvents(new InvestigationOverdue(CASE, SCHOOL, INVESTIGATOR, due, NOW));
    }

    @Test
    void anInvestigationAtFindingsIsNotOverdue() {
        Instant assignedAt = investigatorAssigned().assignedAt();
        given(findingsRecorded(true, false))
                .when(missed(DeadlineKind.INVESTIGATION, assignedAt, assignedAt.plus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aReassignmentReplacesTheInvestigationClock() {
        Instant firstAssignedAt = investigatorAssigned().assignedAt();
        List<Object> reassigned = investigating();
        reassigned.add(new InvestigatorAssigned(CASE, SCHOOL, "u-investigator-2", HR, NOW.minus(Duration.ofDays(1))));
        given(reassigned).when(missed(DeadlineKind.INVESTIGATION, firstAssignedAt, firstAssignedAt.plus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // ------------------------------------------------------------------ appeal window

    @Test
    void anExpiredAppealWindowClosesTheCase() {
        Instant decidedAt = NOW.minus(Duration.ofDays(11));
        Instant closesAt = decidedAt.plus(Duration.ofDays(10));
        given(outcomeWasDecided(decidedAt))
                .when(missed(DeadlineKind.APPEAL_WINDOW, decidedAt, closesAt))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.APPEAL_WINDOW_EXPIRED,
                        "the appeal window closed at " + closesAt + " without an appeal", "system:deadlines", NOW))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c.receipt().status())
                        .isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void aLodgedAppealKeepsTheCaseOpen() {
        Instant decidedAt = NOW.minus(Duration.ofDays(2));
        given(appealWasLodged())
                .when(missed(DeadlineKind.APPEAL_WINDOW, decidedAt, NOW.minus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAlreadyClosedAppealWindowIsIgnored() {
        Instant decidedAt = NOW.minus(Duration.ofDays(11));
        List<Object> closed = outcomeWasDecided(decidedAt);
        closed.add(new CaseClosed(CASE, SCHOOL, CaseResolution.APPEAL_WINDOW_EXPIRED, "closed", "system:deadlines",
                NOW.minus(Duration.ofDays(1))));
        given(closed).when(missed(DeadlineKind.APPEAL_WINDOW, decidedAt, decidedAt.plus(Duration.ofDays(10))))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aDeadlineNotYetDueIsRefusedSoTheWatchTriesAgain() {
        refusedByRule(given(history(safeguardingReported()))
                        .when(missed(DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION, REPORTED_AT, NOW.plusSeconds(60))),
                CaseRules.DEADLINE_NOT_DUE);
    }

    @Test
    void anOpenAppealWindowIsRefusedSoTheWatchTriesAgain() {
        Instant decidedAt = NOW.minus(Duration.ofDays(10));
        refusedByRule(given(outcomeWasDecided(decidedAt))
                        .when(missed(DeadlineKind.APPEAL_WINDOW, decidedAt, NOW)),
                CaseRules.APPEAL_WINDOW_STILL_OPEN);
    }

    @Test
    void anotherSchoolsDeadlineFindsNoCase() {
        notFound(given(history(safeguardingReported()))
                .when(new RecordDeadlineMissed(CASE, OTHER_SCHOOL, DeadlineKind.ACKNOWLEDGEMENT_FIRST_ESCALATION,
                        REPORTED_AT, ONE_HOUR_IN)));
    }
}
