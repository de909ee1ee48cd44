package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.junit.jupiter.api.Test;

/** Safeguarding acknowledgement, triage, referral and support (domain.md, "The case"; P6, P14). */
class CaseTriageTest extends CaseFixtureSupport {

    private static final ConcernReported SAFEGUARDING = reported(CaseCategory.SAFEGUARDING, true);
    private static final ConcernReported ABUSE = reported(CaseCategory.ABUSE_OF_STAFF, false);

    @Test
    void theDslAcknowledgesASafeguardingCase() {
        fixture.given(SAFEGUARDING)
                .when(new AcknowledgeSafeguarding(CASE, SCHOOL, DSL, roles(Role.DSL), "seen"))
                .expectEvents(new SafeguardingAcknowledged(CASE, SCHOOL, "seen", DSL, NOW));
    }

    @Test
    void aSafeguardingCaseIsAcknowledgedOnce() {
        refusedInState(fixture.given(SAFEGUARDING, new SafeguardingAcknowledged(CASE, SCHOOL, null, DSL, NOW))
                .when(new AcknowledgeSafeguarding(CASE, SCHOOL, DSL, roles(Role.DSL), null)), CaseStatus.REPORTED);
    }

    @Test
    void onlyASafeguardingCaseIsAcknowledged() {
        refusedByRule(fixture.given(conductReported())
                        .when(new AcknowledgeSafeguarding(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL, Role.DSL), null)),
                CaseRules.ACKNOWLEDGE_ONLY_SAFEGUARDING_CASES);
    }

    @Test
    void aDslDoesNotSeeACaseWithoutTheSafeguardingAspect() {
        notFound(fixture.given(conductReported())
                .when(new TriageCase(CASE, SCHOOL, DSL, roles(Role.DSL), TriageRoute.INVESTIGATION, Severity.LOW, "r")));
    }

    @Test
    void thePrincipalTriagesAReportedCase() {
        fixture.given(conductReported())
                .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.INVESTIGATION,
                        Severity.HIGH, "serious"))
                .expectEvents(new CaseTriaged(CASE, SCHOOL, TriageRoute.INVESTIGATION, Severity.HIGH, "serious",
                        PRINCIPAL, NOW));
    }

    @Test
    void theDslTriagesASafeguardingCase() {
        fixture.given(SAFEGUARDING)
                .when(new TriageCase(CASE, SCHOOL, DSL, roles(Role.DSL), TriageRoute.SAFEGUARDING, Severity.CRITICAL, "r"))
                .expectEvents(new CaseTriaged(CASE, SCHOOL, TriageRoute.SAFEGUARDING, Severity.CRITICAL, "r", DSL, NOW));
    }

    @Test
    void triageRecordsItsRationale() {
        refusedByRule(fixture.given(conductReported())
                        .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.NO_FURTHER_ACTION,
                                Severity.LOW, " ")),
                CaseRules.RATIONALE_REQUIRED);
    }

    @Test
    void supportRouteOnlyForAbuseOfStaff() {
        refusedByRule(fixture.given(conductReported())
                        .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.SUPPORT,
                                Severity.LOW, "r")),
                CaseRules.SUPPORT_ROUTE_ONLY_FOR_ABUSE_OF_STAFF);
    }

    @Test
    void safeguardingRouteOnlyForSafeguardingCases() {
        refusedByRule(fixture.given(conductReported())
                        .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.SAFEGUARDING,
                                Severity.LOW, "r")),
                CaseRules.SAFEGUARDING_ROUTE_ONLY_FOR_SAFEGUARDING_CASES);
    }

    @Test
    void aCaseIsTriagedOnce() {
        refusedInState(fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                        .when(new TriageCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.NO_FURTHER_ACTION,
                                Severity.LOW, "r")),
                CaseStatus.TRIAGED);
    }

    @Test
    void theDslRecordsTheReferralDecision() {
        fixture.given(SAFEGUARDING, triaged(TriageRoute.SAFEGUARDING))
                .when(new RecordReferralDecision(CASE, SCHOOL, DSL, roles(Role.DSL), "LADO", "L-1",
                        ReferralDecision.REFERRED, "threshold met"))
                .expectEvents(new ReferralDecisionRecorded(CASE, SCHOOL, "LADO", "L-1", ReferralDecision.REFERRED,
                        "threshold met", DSL, NOW));
    }

    @Test
    void referralDecisionRecordsItsRationale() {
        refusedByRule(fixture.given(SAFEGUARDING, triaged(TriageRoute.SAFEGUARDING))
                        .when(new RecordReferralDecision(CASE, SCHOOL, DSL, roles(Role.DSL), "LADO", null,
                                ReferralDecision.NOT_REFERRED, "")),
                CaseRules.RATIONALE_REQUIRED);
    }

    @Test
    void referralDecisionOnlyOnTheSafeguardingRoute() {
        refusedInState(fixture.given(reported(CaseCategory.STAFF_CONDUCT, true), triaged(TriageRoute.INVESTIGATION))
                        .when(new RecordReferralDecision(CASE, SCHOOL, DSL, roles(Role.DSL), "LADO", null,
                                ReferralDecision.REFERRED, "r")),
                CaseStatus.TRIAGED);
    }

    @Test
    void supportIsOfferedOnTheSupportRoute() {
        fixture.given(ABUSE, triaged(TriageRoute.SUPPORT))
                .when(new OfferSupport(CASE, SCHOOL, HR, roles(Role.HR), REPORTER, "counselling"))
                .expectEvents(new SupportOffered(CASE, SCHOOL, REPORTER, "counselling", HR, NOW));
    }

    @Test
    void supportIsNotOfferedOnAnotherRoute() {
        refusedInState(fixture.given(ABUSE, triaged(TriageRoute.NO_FURTHER_ACTION))
                        .when(new OfferSupport(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), REPORTER, "counselling")),
                CaseStatus.TRIAGED);
    }

    @Test
    void anotherSchoolsCaseIsNotFound() {
        notFound(fixture.given(conductReported())
                .when(new TriageCase(CASE, OTHER_SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), TriageRoute.INVESTIGATION,
                        Severity.LOW, "r")));
    }

    @Test
    void theSubjectNeverSeesTheCaseWhateverTheirRoles() {
        notFound(fixture.given(conductReported())
                .when(new TriageCase(CASE, SCHOOL, SUBJECT, roles(Role.PRINCIPAL, Role.HR), TriageRoute.NO_FURTHER_ACTION,
                        Severity.LOW, "r")));
    }

    @Test
    void commandsInTheWrongStateAreRefusedNamingTheState() {
        refusedInState(fixture.given(conductReported())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), false, null, false, null, null, "s")),
                CaseStatus.REPORTED);
        refusedInState(fixture.given(conductReported())
                        .when(new DecideOutcome(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL),
                                DisciplinaryOutcome.FIRST_WRITTEN_WARNING, "r")),
                CaseStatus.REPORTED);
        refusedInState(given(investigating())
                        .when(new CloseCase(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "r")),
                CaseStatus.INVESTIGATING);
        refusedInState(given(hearingWasHeld(false))
                        .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), "u-x")),
                CaseStatus.HEARING_SCHEDULED);
    }
}
