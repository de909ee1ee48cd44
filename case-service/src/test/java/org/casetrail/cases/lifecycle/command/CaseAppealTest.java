package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

/** Appeals: the window, who lodges, who decides (domain.md, conflict-of-interest rules). */
class CaseAppealTest extends CaseFixtureSupport {

    @Test
    void theSubjectLodgesAnAppealWithinTheWindow() {
        given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                .when(new LodgeAppeal(CASE, SCHOOL, SUBJECT, roles(), "too harsh", GOVERNOR_2))
                .expectEvents(new AppealLodged(CASE, SCHOOL, "too harsh", GOVERNOR_2, SUBJECT, NOW));
    }

    @Test
    void hrLodgesAnAppealOnTheSubjectsBehalf() {
        given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                .when(new LodgeAppeal(CASE, SCHOOL, HR, roles(Role.HR), "too harsh", GOVERNOR_2))
                .expectEvents(new AppealLodged(CASE, SCHOOL, "too harsh", GOVERNOR_2, HR, NOW));
    }

    @Test
    void onlyTheSubjectOrHrLodgesAnAppeal() {
        notFound(given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                .when(new LodgeAppeal(CASE, SCHOOL, REPORTER, roles(), "too lenient", GOVERNOR_2)));
    }

    @Test
    void appealDeciderCannotBeTheOutcomeDecider() {
        refusedByRule(given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                        .when(new LodgeAppeal(CASE, SCHOOL, SUBJECT, roles(), "grounds", GOVERNOR)),
                CaseRules.APPEAL_DECIDER_IS_NOT_OUTCOME_DECIDER);
    }

    @Test
    void appealDeciderCannotBeTheSubject() {
        refusedByRule(given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                        .when(new LodgeAppeal(CASE, SCHOOL, HR, roles(Role.HR), "grounds", SUBJECT)),
                CaseRules.APPEAL_DECIDER_IS_NOT_SUBJECT);
    }

    @Test
    void cannotAppealAfterTheWindowClosed() {
        refusedByRule(given(outcomeWasDecided(NOW.minus(Duration.ofDays(11))))
                        .when(new LodgeAppeal(CASE, SCHOOL, SUBJECT, roles(), "grounds", GOVERNOR_2)),
                CaseRules.APPEAL_WINDOW_CLOSED);
    }

    @Test
    void anAppealStatesItsGrounds() {
        refusedByRule(given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                        .when(new LodgeAppeal(CASE, SCHOOL, SUBJECT, roles(), " ", GOVERNOR_2)),
                CaseRules.REASON_REQUIRED);
    }

    @Test
    void anAppealIsLodgedOnce() {
        refusedInState(given(appealWasLodged())
                        .when(new LodgeAppeal(CASE, SCHOOL, SUBJECT, roles(), "again", GOVERNOR_2)),
                CaseStatus.APPEAL_LODGED);
    }

    @Test
    void theNamedDeciderDecidesTheAppealWhichClosesTheCase() {
        given(appealWasLodged())
                .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR_2, Set.of(Role.GOVERNOR), AppealDecision.UPHELD, null,
                        "fair"))
                .expectEvents(new AppealDecided(CASE, SCHOOL, AppealDecision.UPHELD, null, "fair", GOVERNOR_2, NOW))
                .expectState(c -> org.assertj.core.api.Assertions.assertThat(c.receipt().status())
                        .isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void onlyTheNamedDeciderDecidesTheAppeal() {
        notFound(given(appealWasLodged())
                .when(new DecideAppeal(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), AppealDecision.OVERTURNED, null,
                        "r")));
    }

    @Test
    void theOutcomeDeciderCannotDecideTheAppeal() {
        notFound(given(appealWasLodged())
                .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR, Set.of(Role.GOVERNOR), AppealDecision.OVERTURNED, null,
                        "r")));
    }

    @Test
    void aVariedDecisionNamesTheNewOutcome() {
        refusedByRule(given(appealWasLodged())
                        .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR_2, Set.of(Role.GOVERNOR), AppealDecision.VARIED, null,
                                "r")),
                CaseRules.VARIED_NEEDS_OUTCOME);
    }

    @Test
    void aVariedOutcomeOnlyWithAVariedDecision() {
        refusedByRule(given(appealWasLodged())
                        .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR_2, Set.of(Role.GOVERNOR), AppealDecision.UPHELD,
                                DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "r")),
                CaseRules.VARIED_OUTCOME_ONLY_WHEN_VARIED);
    }

    @Test
    void anAppealCannotVaryToSummaryDismissalWithoutGrossMisconductFinding() {
        refusedByRule(given(appealWasLodged())
                        .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR_2, Set.of(Role.GOVERNOR), AppealDecision.VARIED,
                                DisciplinaryOutcome.SUMMARY_DISMISSAL, "r")),
                CaseRules.SUMMARY_DISMISSAL_NEEDS_GROSS_MISCONDUCT_FINDING);
    }

    @Test
    void anAppealIsVariedToAnotherOutcome() {
        given(appealWasLodged())
                .when(new DecideAppeal(CASE, SCHOOL, GOVERNOR_2, Set.of(Role.GOVERNOR), AppealDecision.VARIED,
                        DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "mitigation"))
                .expectEvents(new AppealDecided(CASE, SCHOOL, AppealDecision.VARIED,
                        DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "mitigation", GOVERNOR_2, NOW));
    }
}
