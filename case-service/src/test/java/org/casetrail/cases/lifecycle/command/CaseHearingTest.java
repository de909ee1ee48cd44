package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** Informal action, the hearing and its outcome (domain.md; ACAS; P12). */
class CaseHearingTest extends CaseFixtureSupport {

    /** NOW is a Wednesday: Friday is two working days on, Thursday one. */
    private static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void informalActionOnABreachClosesTheCase() {
        given(findingsRecorded(true, false))
                .when(new TakeInformalAction(CASE, SCHOOL, HR, roles(Role.HR), InformalAction.TRAINING, "GDPR course"))
                .expectEvents(new InformalActionTaken(CASE, SCHOOL, InformalAction.TRAINING, "GDPR course", HR, NOW))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c.receipt().status())
                        .isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void informalActionNeedsABreachFound() {
        refusedByRule(given(findingsRecorded(false, false))
                        .when(new TakeInformalAction(CASE, SCHOOL, HR, roles(Role.HR), InformalAction.INFORMAL_ADVICE, "d")),
                CaseRules.ACTION_NEEDS_BREACH_FOUND);
    }

    @Test
    void aHearingIsScheduledWithWrittenNotice() {
        given(findingsRecorded(true, false))
                .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, GOVERNOR, null, true))
                .expectEvents(new HearingScheduled(CASE, SCHOOL, FRIDAY, NOW, GOVERNOR, null, true, HR, NOW));
    }

    @Test
    void hearingNeedsTwoWorkingDaysNotice() {
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), THURSDAY, NOW, GOVERNOR, null, true)),
                CaseRules.HEARING_MIN_NOTICE);
    }

    @Test
    void theMinimumNoticeIsConfigurable() {
        fixture = new org.axonframework.test.aggregate.AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new CaseProperties("Europe/London", new CaseProperties.Hearing(3),
                new CaseProperties.Appeal(10)));
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, GOVERNOR, null, true)),
                CaseRules.HEARING_MIN_NOTICE);
    }

    @Test
    void aHearingLiesInTheFuture() {
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), NOW.minusSeconds(60),
                                NOW.minus(Duration.ofDays(7)), GOVERNOR, null, true)),
                CaseRules.HEARING_IN_FUTURE);
    }

    @Test
    void noticeIsRecordedOnceGiven() {
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY.plus(Duration.ofDays(7)),
                                FRIDAY, GOVERNOR, null, true)),
                CaseRules.NOT_IN_FUTURE);
    }

    @Test
    void noHearingWithoutABreachFound() {
        refusedByRule(given(findingsRecorded(false, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, GOVERNOR, null, true)),
                CaseRules.ACTION_NEEDS_BREACH_FOUND);
    }

    @Test
    void decisionMakerIsNotTheInvestigatorWithoutARecordedReason() {
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, INVESTIGATOR, " ", true)),
                CaseRules.DECISION_MAKER_IS_NOT_INVESTIGATOR);
    }

    @Test
    void theInvestigatorDecidesTheHearingOnlyWithARecordedOverrideReason() {
        given(findingsRecorded(true, false))
                .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, INVESTIGATOR,
                        "two-person school office", false))
                .expectEvents(new HearingScheduled(CASE, SCHOOL, FRIDAY, NOW, INVESTIGATOR, "two-person school office",
                        false, HR, NOW));
    }

    @Test
    void decisionMakerIsNotTheSubject() {
        refusedByRule(given(findingsRecorded(true, false))
                        .when(new ScheduleHearing(CASE, SCHOOL, HR, roles(Role.HR), FRIDAY, NOW, SUBJECT, null, true)),
                CaseRules.DECISION_MAKER_IS_NOT_SUBJECT);
    }

    @Test
    void aHeldHearingRecordsWhoAccompaniedTheSubject() {
        Instant heldAt = NOW.minusSeconds(600);
        given(hearingScheduledBy(GOVERNOR, false))
                .when(new RecordHearingHeld(CASE, SCHOOL, HR, roles(Role.HR), heldAt, "a union rep", "notes"))
                .expectEvents(new HearingHeld(CASE, SCHOOL, heldAt, true, "a union rep", "notes", HR, NOW));
    }

    @Test
    void aHearingIsHeldOnce() {
        refusedInState(given(hearingWasHeld(false))
                        .when(new RecordHearingHeld(CASE, SCHOOL, HR, roles(Role.HR), NOW, null, "notes")),
                CaseStatus.HEARING_SCHEDULED);
    }

    @Test
    void theNamedDecisionMakerDecidesTheOutcome() {
        given(hearingWasHeld(false))
                .when(new DecideOutcome(CASE, SCHOOL, GOVERNOR, java.util.Set.of(Role.GOVERNOR),
                        DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "first offence"))
                .expectEvents(new OutcomeDecided(CASE, SCHOOL, DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "first offence",
                        GOVERNOR, NOW, NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void onlyThePrincipalOrTheNamedDecisionMakerDecidesTheOutcome() {
        notFound(given(hearingWasHeld(false))
                .when(new DecideOutcome(CASE, SCHOOL, HR, roles(Role.HR), DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "r")));
    }

    @Test
    void anOutcomeNeedsTheHearingHeld() {
        refusedByRule(given(hearingScheduledBy(GOVERNOR, false))
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.FINAL_WRITTEN_WARNING, "r")),
                CaseRules.HEARING_HELD_BEFORE_OUTCOME);
    }

    @Test
    void anOutcomeRecordsItsRationale() {
        refusedByRule(given(hearingWasHeld(false))
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.FINAL_WRITTEN_WARNING, null)),
                CaseRules.RATIONALE_REQUIRED);
    }

    @Test
    void cannotDecideSummaryDismissalWithoutGrossMisconductFinding() {
        refusedByRule(given(hearingWasHeld(false))
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.SUMMARY_DISMISSAL, "r")),
                CaseRules.SUMMARY_DISMISSAL_NEEDS_GROSS_MISCONDUCT_FINDING);
    }

    @Test
    void cannotDecideSummaryDismissalBeforeTheHearingIsHeld() {
        refusedByRule(given(hearingScheduledBy(GOVERNOR, true))
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.SUMMARY_DISMISSAL, "r")),
                CaseRules.HEARING_HELD_BEFORE_OUTCOME);
    }

    @Test
    void summaryDismissalAfterAGrossMisconductFindingAndAHearing() {
        given(hearingWasHeld(true))
                .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                        DisciplinaryOutcome.SUMMARY_DISMISSAL, "bullying colleagues"))
                .expectEvents(new OutcomeDecided(CASE, SCHOOL, DisciplinaryOutcome.SUMMARY_DISMISSAL,
                        "bullying colleagues", PRINCIPAL, NOW, NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void thePrincipalWhoInvestigatedCannotDecideTheOutcome() {
        java.util.List<Object> events = history(conductReported(), triaged(TriageRoute.INVESTIGATION),
                new InvestigatorAssigned(CASE, SCHOOL, PRINCIPAL, HR, NOW), findings(true, false),
                hearingScheduled(GOVERNOR), hearingHeld());
        refusedByRule(given(events)
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "r")),
                CaseRules.DECISION_MAKER_IS_NOT_INVESTIGATOR);
    }
}
