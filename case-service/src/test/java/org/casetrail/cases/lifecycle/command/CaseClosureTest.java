package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing where the route allows, reopening, withdrawal and notes (domain.md, "The case"). */
class CaseClosureTest extends CaseFixtureSupport {

    private static final ConcernReported ABUSE = reported(CaseCategory.ABUSE_OF_STAFF, false);
    private static final ConcernReported SAFEGUARDING = reported(CaseCategory.SAFEGUARDING, true);

    private static CloseCase closeBy(String actor, Role role, String rationale) {
        return new CloseCase(CASE, SCHOOL, actor, roles(role), rationale);
    }

    @Test
    void aCaseTriagedForNoFurtherActionIsClosedWithItsRationale() {
        fixture.given(conductReported(), triaged(TriageRoute.NO_FURTHER_ACTION))
                .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "nothing to act on"))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.NO_FURTHER_ACTION, "nothing to act on",
                        PRINCIPAL, NOW));
    }

    @Test
    void closingRecordsItsRationale() {
        refusedByRule(fixture.given(conductReported(), triaged(TriageRoute.NO_FURTHER_ACTION))
                        .when(closeBy(PRINCIPAL, Role.PRINCIPAL, " ")),
                CaseRules.RATIONALE_REQUIRED);
    }

    @Test
    void anAbuseOfStaffCaseNeedsASupportOfferBeforeClosing() {
        refusedByRule(fixture.given(ABUSE, triaged(TriageRoute.SUPPORT))
                        .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "done")),
                CaseRules.SUPPORT_OFFER_BEFORE_CLOSING);
    }

    @Test
    void anAbuseOfStaffCaseClosesOnceSupportWasOffered() {
        fixture.given(ABUSE, triaged(TriageRoute.SUPPORT), new SupportOffered(CASE, SCHOOL, REPORTER, "d", HR, NOW))
                .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "supported"))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.SUPPORT_OFFERED, "supported", PRINCIPAL, NOW));
    }

    @Test
    void aSafeguardingCaseNeedsTheReferralDecisionBeforeClosing() {
        refusedByRule(fixture.given(SAFEGUARDING, triaged(TriageRoute.SAFEGUARDING))
                        .when(closeBy(DSL, Role.DSL, "done")),
                CaseRules.REFERRAL_DECISION_BEFORE_CLOSING);
    }

    @Test
    void theDslClosesASafeguardingCaseOnceTheReferralIsDecided() {
        fixture.given(SAFEGUARDING, triaged(TriageRoute.SAFEGUARDING),
                        new ReferralDecisionRecorded(CASE, SCHOOL, "LADO", null, ReferralDecision.NOT_REFERRED, "r", DSL, NOW))
                .when(closeBy(DSL, Role.DSL, "handled"))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.REFERRAL_DECIDED, "handled", DSL, NOW));
    }

    @Test
    void findingsOfNoBreachCloseAsNoCaseToAnswer() {
        given(findingsRecorded(false, false))
                .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "no breach"))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.NO_CASE_TO_ANSWER, "no breach", PRINCIPAL, NOW));
    }

    @Test
    void findingsOfABreachAreNotClosedWithoutAction() {
        refusedInState(given(findingsRecorded(true, false)).when(closeBy(PRINCIPAL, Role.PRINCIPAL, "r")),
                CaseStatus.FINDINGS_RECORDED);
    }

    @Test
    void aCaseTriagedForInvestigationIsNotClosedDirectly() {
        refusedInState(fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                        .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "r")),
                CaseStatus.TRIAGED);
    }

    @Test
    void cannotCloseWhileTheAppealWindowIsOpen() {
        refusedByRule(given(outcomeWasDecided(NOW.minus(Duration.ofDays(3))))
                        .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "r")),
                CaseRules.APPEAL_WINDOW_STILL_OPEN);
    }

    @Test
    void aCaseClosesOnceTheAppealWindowExpired() {
        given(outcomeWasDecided(NOW.minus(Duration.ofDays(11))))
                .when(closeBy(PRINCIPAL, Role.PRINCIPAL, "no appeal"))
                .expectEvents(new CaseClosed(CASE, SCHOOL, CaseResolution.APPEAL_WINDOW_EXPIRED, "no appeal", PRINCIPAL,
                        NOW));
    }

    @Test
    void aDslClosesOnlySafeguardingCases() {
        notFound(fixture.given(conductReported(), triaged(TriageRoute.NO_FURTHER_ACTION))
                .when(closeBy(DSL, Role.DSL, "r")));
    }

    @Test
    void thePrincipalReopensAClosedCaseWithAReasonForANewTriage() {
        List<Object> closed = history(conductReported(), triaged(TriageRoute.NO_FURTHER_ACTION),
                new CaseClosed(CASE, SCHOOL, CaseResolution.NO_FURTHER_ACTION, "r", PRINCIPAL, NOW));
        given(closed)
                .when(new ReopenCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "new evidence"))
                .expectEvents(new CaseReopened(CASE, SCHOOL, "new evidence", PRINCIPAL, NOW))
                .expectState(c -> assertThat(c.receipt().status()).isEqualTo(CaseStatus.TRIAGED));

        closed.add(new CaseReopened(CASE, SCHOOL, "new evidence", PRINCIPAL, NOW));
        given(closed)
                .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.INVESTIGATION,
                        Severity.HIGH, "new evidence"))
                .expectEvents(new CaseTriaged(CASE, SCHOOL, TriageRoute.INVESTIGATION, Severity.HIGH, "new evidence",
                        PRINCIPAL, NOW));
    }

    @Test
    void reopeningRecordsItsReason() {
        refusedByRule(given(history(conductReported(), new ConcernWithdrawn(CASE, SCHOOL, "r", REPORTER, NOW)))
                        .when(new ReopenCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "")),
                CaseRules.REASON_REQUIRED);
    }

    @Test
    void onlyAClosedCaseIsReopened() {
        refusedInState(given(investigating())
                        .when(new ReopenCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "r")),
                CaseStatus.INVESTIGATING);
    }

    @Test
    void onlyThePrincipalReopens() {
        notFound(given(history(conductReported(), new ConcernWithdrawn(CASE, SCHOOL, "r", REPORTER, NOW)))
                .when(new ReopenCase(CASE, SCHOOL, HR, roles(Role.HR), "r")));
    }

    @Test
    void theReporterWithdrawsTheirConcernFromAnyOpenState() {
        given(investigating())
                .when(new WithdrawConcern(CASE, SCHOOL, REPORTER, roles(), "resolved between us"))
                .expectEvents(new ConcernWithdrawn(CASE, SCHOOL, "resolved between us", REPORTER, NOW))
                .expectState(c -> assertThat(c.receipt().status()).isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    void onlyTheReporterWithdraws() {
        notFound(fixture.given(conductReported())
                .when(new WithdrawConcern(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "r")));
    }

    @Test
    void aClosedCaseIsNotWithdrawn() {
        refusedInState(given(history(conductReported(), new ConcernWithdrawn(CASE, SCHOOL, "r", REPORTER, NOW)))
                        .when(new WithdrawConcern(CASE, SCHOOL, REPORTER, roles(), "again")),
                CaseStatus.CLOSED);
    }

    @Test
    void thoseWorkingOnTheCaseAddNotes() {
        given(investigating())
                .when(new AddNote(CASE, SCHOOL, INVESTIGATOR, roles(Role.INVESTIGATOR), "n-1", "called the witness"))
                .expectEvents(new NoteAdded(CASE, SCHOOL, "n-1", "called the witness", INVESTIGATOR, NOW));
    }

    @Test
    void othersDoNotSeeTheCaseToAddNotes() {
        notFound(given(investigating())
                .when(new AddNote(CASE, SCHOOL, "u-someone", roles(Role.INVESTIGATOR), "n-1", "text")));
    }
}
