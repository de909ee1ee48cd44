package org.casetrail.cases.lifecycle.command;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** Assignment, suspension, evidence, interviews and findings (domain.md; P4, P7, P12). */
class CaseInvestigationTest extends CaseFixtureSupport {

    private static final String HASH = "a".repeat(64);

    @Test
    void assigningAnInvestigatorStartsTheInvestigation() {
        fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), INVESTIGATOR))
                .expectEvents(new InvestigatorAssigned(CASE, SCHOOL, INVESTIGATOR, HR, NOW));
    }

    @Test
    void investigatorCannotBeTheSubject() {
        refusedByRule(fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                        .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), SUBJECT)),
                CaseRules.INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT);
    }

    @Test
    void investigatorCannotBeTheReporter() {
        refusedByRule(fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                        .when(new AssignInvestigator(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), REPORTER)),
                CaseRules.INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT);
    }

    @Test
    void aSafeguardingCaseIsInvestigatedOnlyAfterTheReferralDecision() {
        refusedByRule(fixture.given(reported(CaseCategory.STAFF_CONDUCT, true), triaged(TriageRoute.SAFEGUARDING))
                        .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), INVESTIGATOR)),
                CaseRules.REFERRAL_DECISION_BEFORE_INVESTIGATION);
    }

    @Test
    void aSafeguardingCaseIsInvestigatedAfterTheReferralDecision() {
        fixture.given(reported(CaseCategory.STAFF_CONDUCT, true), triaged(TriageRoute.SAFEGUARDING),
                        new ReferralDecisionRecorded(CASE, SCHOOL, "LADO", null, ReferralDecision.REFERRED, "r", DSL, NOW))
                .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), INVESTIGATOR))
                .expectEvents(new InvestigatorAssigned(CASE, SCHOOL, INVESTIGATOR, HR, NOW));
    }

    @Test
    void theInvestigatorCanBeReassignedDuringTheInvestigation() {
        given(investigating())
                .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), "u-other"))
                .expectEvents(new InvestigatorAssigned(CASE, SCHOOL, "u-other", HR, NOW));
    }

    @Test
    void noInvestigatorForACaseTriagedForNoFurtherAction() {
        refusedInState(fixture.given(conductReported(), triaged(TriageRoute.NO_FURTHER_ACTION))
                        .when(new AssignInvestigator(CASE, SCHOOL, HR, roles(Role.HR), INVESTIGATOR)),
                CaseStatus.TRIAGED);
    }

    @Test
    void theSubjectIsSuspendedAsAPrecautionDuringTheInvestigation() {
        LocalDate from = LocalDate.of(2026, 11, 26);
        given(investigating())
                .when(new SuspendPrecautionarily(CASE, SCHOOL, PRINCIPAL, roles(Role.PRINCIPAL), "risk", from, null))
                .expectEvents(new SubjectSuspendedPrecautionarily(CASE, SCHOOL, SUBJECT, "risk", from, null, PRINCIPAL, NOW));
    }

    @Test
    void aSuspensionEndsAfterItStarts() {
        refusedByRule(given(investigating())
                        .when(new SuspendPrecautionarily(CASE, SCHOOL, HR, roles(Role.HR), "risk",
                                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 20))),
                CaseRules.SUSPENSION_ENDS_AFTER_IT_STARTS);
    }

    @Test
    void suspensionOnlyDuringTheInvestigation() {
        refusedInState(fixture.given(conductReported(), triaged(TriageRoute.INVESTIGATION))
                        .when(new SuspendPrecautionarily(CASE, SCHOOL, HR, roles(Role.HR), "risk",
                                LocalDate.of(2026, 11, 26), null)),
                CaseStatus.TRIAGED);
    }

    @Test
    void theAssignedInvestigatorAddsEvidence() {
        given(investigating())
                .when(new AddEvidence(CASE, SCHOOL, INVESTIGATOR, roles(Role.INVESTIGATOR), "e-1", "SCREENSHOT", "post",
                        "ref", HASH.toUpperCase()))
                .expectEvents(new EvidenceAdded(CASE, SCHOOL, "e-1", "SCREENSHOT", "post", "ref", HASH, INVESTIGATOR, NOW));
    }

    @Test
    void evidenceSha256IsSixtyFourHexDigits() {
        refusedByRule(given(investigating())
                        .when(new AddEvidence(CASE, SCHOOL, INVESTIGATOR, roles(Role.INVESTIGATOR), "e-1", "SCREENSHOT",
                                "post", null, "xyz")),
                CaseRules.EVIDENCE_SHA256_FORMAT);
    }

    @Test
    void anInvestigatorWhoIsNotAssignedDoesNotSeeTheCase() {
        notFound(given(investigating())
                .when(new AddEvidence(CASE, SCHOOL, "u-other-investigator", roles(Role.INVESTIGATOR), "e-1", "SCREENSHOT",
                        "post", null, null)));
    }

    @Test
    void theAssignedInvestigatorRecordsAnInterview() {
        java.time.Instant heldAt = NOW.minusSeconds(3600);
        given(investigating())
                .when(new RecordInterview(CASE, SCHOOL, INVESTIGATOR, roles(Role.INVESTIGATOR), "i-1", SUBJECT, null,
                        heldAt, "said things", "a union rep"))
                .expectEvents(new InterviewRecorded(CASE, SCHOOL, "i-1", SUBJECT, null, heldAt, "said things",
                        "a union rep", INVESTIGATOR, NOW));
    }

    @Test
    void anInterviewNamesTheInterviewee() {
        refusedByRule(given(investigating())
                        .when(new RecordInterview(CASE, SCHOOL, HR, roles(Role.HR), "i-1", null, " ", NOW, "s", null)),
                CaseRules.INTERVIEWEE_IDENTIFIED);
    }

    @Test
    void anInterviewIsNotRecordedBeforeItIsHeld() {
        refusedByRule(given(investigating())
                        .when(new RecordInterview(CASE, SCHOOL, HR, roles(Role.HR), "i-1", SUBJECT, null,
                                NOW.plusSeconds(3600), "s", null)),
                CaseRules.NOT_IN_FUTURE);
    }

    @Test
    void recordingFindingsEndsTheInvestigation() {
        given(investigating())
                .when(new RecordFindings(CASE, SCHOOL, INVESTIGATOR, roles(Role.INVESTIGATOR), true,
                        List.of("P7.HARASSMENT", "P11.SCHOOL_EQUIPMENT"), true, GrossMisconductReason.OTHER, "threats",
                        "summary"))
                .expectEvents(new FindingsRecorded(CASE, SCHOOL, true, List.of("P7.HARASSMENT", "P11.SCHOOL_EQUIPMENT"),
                        true, GrossMisconductReason.OTHER, "threats", "summary", INVESTIGATOR, NOW));
    }

    @Test
    void findingsWithABreachNameAtLeastOneClause() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), true, List.of(), false, null, null, "s")),
                CaseRules.BREACH_NAMES_A_CLAUSE);
    }

    @Test
    void findingsNameOnlyPolicyClauseCodes() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), true, List.of("P99"), false, null, null,
                                "s")),
                CaseRules.UNKNOWN_BREACH_CLAUSE);
    }

    @Test
    void findingsWithoutABreachNameNoClause() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), false, List.of("P8"), false, null, null,
                                "s")),
                CaseRules.NO_CLAUSES_WITHOUT_BREACH);
    }

    @Test
    void grossMisconductNeedsABreach() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), false, null, true,
                                GrossMisconductReason.BULLYING_COLLEAGUES, null, "s")),
                CaseRules.GROSS_MISCONDUCT_NEEDS_BREACH);
    }

    @Test
    void grossMisconductNamesItsReason() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), true, List.of("P8"), true, null, null,
                                "s")),
                CaseRules.GROSS_MISCONDUCT_NAMES_REASON);
    }

    @Test
    void grossMisconductForAnotherReasonDescribesIt() {
        refusedByRule(given(investigating())
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), true, List.of("P8"), true,
                                GrossMisconductReason.OTHER, " ", "s")),
                CaseRules.OTHER_REASON_NEEDS_TEXT);
    }

    @Test
    void findingsOnlyDuringTheInvestigation() {
        refusedInState(given(findingsRecorded(false, false))
                        .when(new RecordFindings(CASE, SCHOOL, HR, roles(Role.HR), false, null, false, null, null, "s")),
                CaseStatus.FINDINGS_RECORDED);
    }
}
