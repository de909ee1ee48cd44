package org.casetrail.disclosures.relationship.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.disclosures.relationship.api.AmendDisclosure;
import org.casetrail.disclosures.relationship.api.DeclareRelationship;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.disclosures.relationship.api.DisclosureReceipt;
import org.casetrail.disclosures.relationship.api.DisclosureReviewed;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewDisclosure;
import org.casetrail.disclosures.relationship.api.ReviewResult;
import org.casetrail.disclosures.relationship.api.WithdrawDisclosure;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** domain.md, "Disclosures": one test per row of the decision table and per rule of review, amendment and withdrawal. */
class RelationshipDisclosureTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String ID = "d-1";
    private static final String SCHOOL = "school-a";
    private static final String DECLARER = "staff-1";
    private static final String PRINCIPAL = "principal-1";

    private AggregateTestFixture<RelationshipDisclosure> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAt(NOW);
    }

    private static AggregateTestFixture<RelationshipDisclosure> fixtureAt(Instant now) {
        Clock clock = Clock.fixed(now, LONDON);
        AggregateTestFixture<RelationshipDisclosure> fixture = new AggregateTestFixture<>(RelationshipDisclosure.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new DisclosureIntake(fixture.getRepository(), clock));
        return fixture;
    }

    // ---------------------------------------------------------------- the decision table

    @Test
    void aStudentWhoIsFamilyIsPermittedTransparentlyPendingReview() {
        RelationshipDetails details = details(CounterpartType.STUDENT, TODAY.minusYears(15), RelationshipBasis.FAMILY_MEMBER);
        fixture.givenNoPriorActivity()
                .when(declare(details))
                .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                        decided(1, CounterpartType.STUDENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P8_STUDENT_FAMILY, 15))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PERMITTED_TRANSPARENT));
    }

    @Test
    void aStudentWhoIsAFamilyFriendIsPermittedTransparently() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.STUDENT, TODAY.minusYears(12), RelationshipBasis.FAMILY_FRIEND)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PERMITTED_TRANSPARENT));
    }

    @Test
    void anExStudentUnder18WhoIsFamilyIsPermittedTransparently() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(17), RelationshipBasis.FAMILY_FRIEND)))
                .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1,
                                details(CounterpartType.EX_STUDENT, TODAY.minusYears(17), RelationshipBasis.FAMILY_FRIEND), NOW),
                        decided(1, CounterpartType.EX_STUDENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P8_STUDENT_FAMILY, 17));
    }

    @Test
    void aStudentOnAnyOtherBasisIsProhibitedAndFlagged() {
        RelationshipDetails details = details(CounterpartType.STUDENT, TODAY.minusYears(16), RelationshipBasis.PERSONAL_FRIENDSHIP);
        fixture.givenNoPriorActivity()
                .when(declare(details))
                .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                        decided(1, CounterpartType.STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, 16),
                        flagged(1, CounterpartType.STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER,
                                FlagReason.PROHIBITED))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PROHIBITED));
    }

    @Test
    void aStudentOf18IsStillAStudent() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.STUDENT, TODAY.minusYears(18), RelationshipBasis.SOLELY_PROFESSIONAL)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PROHIBITED));
    }

    @Test
    void anExStudentUnder18OnAnyOtherBasisIsProhibitedAndFlagged() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(17), RelationshipBasis.SOLELY_PROFESSIONAL)))
                .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1,
                                details(CounterpartType.EX_STUDENT, TODAY.minusYears(17), RelationshipBasis.SOLELY_PROFESSIONAL), NOW),
                        decided(1, CounterpartType.EX_STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, 17),
                        flagged(1, CounterpartType.EX_STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER,
                                FlagReason.PROHIBITED));
    }

    @Test
    void anExStudentOf18OrOverIsPermittedOnAnyBasis() {
        for (RelationshipBasis basis : RelationshipBasis.values()) {
            fixture = fixtureAt(NOW);
            fixture.givenNoPriorActivity()
                    .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(25), basis)))
                    .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1,
                                    details(CounterpartType.EX_STUDENT, TODAY.minusYears(25), basis), NOW),
                            decided(1, CounterpartType.EX_STUDENT, DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, 25));
        }
    }

    @Test
    void theDayBeforeThe18thBirthdayAnExStudentIsUnder18() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(18).plusDays(1),
                        RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PROHIBITED));
    }

    @Test
    void onThe18thBirthdayItselfAnExStudentIs18() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(18), RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PERMITTED));
    }

    @Test
    void theDayAfterThe18thBirthdayAnExStudentIs18() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, TODAY.minusYears(18).minusDays(1),
                        RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PERMITTED));
    }

    @Test
    void theAgeIsTakenOnTheSchoolsCalendarDayNotUtcs() {
        // 23:30 UTC on 30 June is already 1 July in London (BST): a counterpart born 1 July 2008 is 18 there.
        fixture = fixtureAt(Instant.parse("2026-06-30T23:30:00Z"));
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, LocalDate.of(2008, 7, 1), RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 1, DisclosureDecision.PERMITTED));
    }

    @Test
    void aParentKnownSolelyProfessionallyIsProhibitedAndFlagged() {
        RelationshipDetails details = details(CounterpartType.PARENT, null, RelationshipBasis.SOLELY_PROFESSIONAL);
        fixture.givenNoPriorActivity()
                .when(declare(details))
                .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                        decided(1, CounterpartType.PARENT, DisclosureDecision.PROHIBITED, DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, null),
                        flagged(1, CounterpartType.PARENT, DisclosureDecision.PROHIBITED,
                                DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, FlagReason.PROHIBITED));
    }

    @Test
    void aParentOnAnyOtherBasisIsPermittedTransparently() {
        for (RelationshipBasis basis : List.of(RelationshipBasis.FAMILY_MEMBER, RelationshipBasis.FAMILY_FRIEND,
                RelationshipBasis.STAFF_IS_PARENT, RelationshipBasis.PERSONAL_FRIENDSHIP, RelationshipBasis.OTHER)) {
            fixture = fixtureAt(NOW);
            RelationshipDetails details = details(CounterpartType.PARENT, null, basis);
            fixture.givenNoPriorActivity()
                    .when(declare(details))
                    .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                            decided(1, CounterpartType.PARENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P10_PARENT_OTHER, null));
        }
    }

    @Test
    void aColleagueOrAnyoneElseIsPermittedOnAnyBasis() {
        for (CounterpartType type : List.of(CounterpartType.STAFF, CounterpartType.OTHER)) {
            for (RelationshipBasis basis : RelationshipBasis.values()) {
                fixture = fixtureAt(NOW);
                RelationshipDetails details = details(type, null, basis);
                fixture.givenNoPriorActivity()
                        .when(declare(details))
                        .expectEvents(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                                decided(1, type, DisclosureDecision.PERMITTED, DisclosureRule.STAFF_OR_OTHER, null));
            }
        }
    }

    // ---------------------------------------------------------------- declaring

    @Test
    void cannotDeclareAStudentWithoutDateOfBirth() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.STUDENT, null, RelationshipBasis.FAMILY_MEMBER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("date of birth"))
                .expectNoEvents();
    }

    @Test
    void cannotDeclareAnExStudentWithoutDateOfBirth() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.EX_STUDENT, null, RelationshipBasis.FAMILY_MEMBER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotDeclareADateOfBirthInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(declare(details(CounterpartType.STUDENT, TODAY.plusDays(1), RelationshipBasis.FAMILY_MEMBER)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("future"))
                .expectNoEvents();
    }

    @Test
    void basisOtherNeedsItsText() {
        fixture.givenNoPriorActivity()
                .when(declare(new RelationshipDetails(CounterpartType.PARENT, "A Parent", null, RelationshipBasis.OTHER, " ",
                        List.of("Facebook"), "description")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDeclarationNamesAtLeastOnePlatform() {
        fixture.givenNoPriorActivity()
                .when(declare(new RelationshipDetails(CounterpartType.STAFF, "A Colleague", null,
                        RelationshipBasis.PERSONAL_FRIENDSHIP, null, List.of(), "description")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- review

    @Test
    void thePrincipalAcknowledgesATransparentDisclosure() {
        fixture.given(transparentDeclared())
                .when(review(ReviewResult.ACKNOWLEDGED, null))
                .expectEvents(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, "seen", NOW));
    }

    @Test
    void thePrincipalAttachesConditionsInWords() {
        fixture.given(transparentDeclared())
                .when(review(ReviewResult.CONDITIONS_ATTACHED, "no direct messages"))
                .expectEvents(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.CONDITIONS_ATTACHED,
                        "no direct messages", "seen", NOW));
    }

    @Test
    void cannotAttachConditionsWithoutSayingWhichConditions() {
        fixture.given(transparentDeclared())
                .when(review(ReviewResult.CONDITIONS_ATTACHED, "  "))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void conditionsComeOnlyWithConditionsAttached() {
        fixture.given(transparentDeclared())
                .when(review(ReviewResult.ACKNOWLEDGED, "no direct messages"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReviewRecordsItsRationale() {
        fixture.given(transparentDeclared())
                .when(new ReviewDisclosure(ID, SCHOOL, PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, " "))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void escalatingATransparentDisclosureFlagsIt() {
        fixture.given(transparentDeclared())
                .when(review(ReviewResult.ESCALATED, null))
                .expectEvents(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.ESCALATED, null, "seen", NOW),
                        flagged(1, CounterpartType.PARENT, DisclosureDecision.PERMITTED_TRANSPARENT,
                                DisclosureRule.P10_PARENT_OTHER, FlagReason.ESCALATED));
    }

    @Test
    void escalatingAProhibitedDisclosureDoesNotFlagItTwice() {
        fixture.given(prohibitedDeclared())
                .when(review(ReviewResult.ESCALATED, null))
                .expectEvents(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.ESCALATED, null, "seen", NOW));
    }

    @Test
    void aProhibitedDisclosureCanBeReviewed() {
        fixture.given(prohibitedDeclared())
                .when(review(ReviewResult.ACKNOWLEDGED, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotReviewAPermittedDisclosure() {
        fixture.given(permittedDeclared())
                .when(review(ReviewResult.ACKNOWLEDGED, null))
                .expectException(StateConflict.class)
                .expectExceptionMessage(containsString("needs no review"))
                .expectNoEvents();
    }

    @Test
    void cannotReviewTheSameVersionTwice() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, "seen", NOW));
        fixture.given(history)
                .when(review(ReviewResult.ESCALATED, null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void cannotReviewAWithdrawnDisclosure() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", NOW));
        fixture.given(history)
                .when(review(ReviewResult.ACKNOWLEDGED, null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void cannotReviewOnesOwnDisclosure() {
        fixture.given(transparentDeclared())
                .when(new ReviewDisclosure(ID, SCHOOL, DECLARER, ReviewResult.ACKNOWLEDGED, null, "seen"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherSchoolsPrincipalDoesNotFindTheDisclosure() {
        fixture.given(transparentDeclared())
                .when(new ReviewDisclosure(ID, "school-b", PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, "seen"))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void anAmendedVersionNeedsAReviewOfItsOwn() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureReviewed(ID, SCHOOL, 1, PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, "seen", NOW));
        history.add(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, details(CounterpartType.PARENT, null,
                RelationshipBasis.FAMILY_FRIEND), NOW));
        history.add(decided(2, CounterpartType.PARENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P10_PARENT_OTHER, null));
        fixture.given(history)
                .when(review(ReviewResult.ACKNOWLEDGED, null))
                .expectEvents(new DisclosureReviewed(ID, SCHOOL, 2, PRINCIPAL, ReviewResult.ACKNOWLEDGED, null, "seen", NOW));
    }

    // ---------------------------------------------------------------- amendment

    @Test
    void theDeclarerAmendsToANewVersionThatIsDecidedAgain() {
        RelationshipDetails amended = details(CounterpartType.PARENT, null, RelationshipBasis.SOLELY_PROFESSIONAL);
        fixture.given(transparentDeclared())
                .when(new AmendDisclosure(ID, SCHOOL, DECLARER, amended))
                .expectEvents(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, amended, NOW),
                        decided(2, CounterpartType.PARENT, DisclosureDecision.PROHIBITED, DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, null),
                        flagged(2, CounterpartType.PARENT, DisclosureDecision.PROHIBITED,
                                DisclosureRule.P10_PARENT_SOLELY_PROFESSIONAL, FlagReason.PROHIBITED))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 2, DisclosureDecision.PROHIBITED));
    }

    @Test
    void anAmendmentMayMakeAProhibitedDisclosurePermitted() {
        RelationshipDetails amended = details(CounterpartType.STAFF, null, RelationshipBasis.PERSONAL_FRIENDSHIP);
        fixture.given(prohibitedDeclared())
                .when(new AmendDisclosure(ID, SCHOOL, DECLARER, amended))
                .expectEvents(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, amended, NOW),
                        decided(2, CounterpartType.STAFF, DisclosureDecision.PERMITTED, DisclosureRule.STAFF_OR_OTHER, null))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 2, DisclosureDecision.PERMITTED));
    }

    @Test
    void versionsKeepCountingAcrossAmendments() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, details(CounterpartType.PARENT, null,
                RelationshipBasis.FAMILY_FRIEND), NOW));
        history.add(decided(2, CounterpartType.PARENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P10_PARENT_OTHER, null));
        fixture.given(history)
                .when(new AmendDisclosure(ID, SCHOOL, DECLARER, details(CounterpartType.OTHER, null, RelationshipBasis.FAMILY_FRIEND)))
                .expectResultMessagePayload(new DisclosureReceipt(ID, 3, DisclosureDecision.PERMITTED));
    }

    @Test
    void someoneElseCannotAmendTheDisclosure() {
        fixture.given(transparentDeclared())
                .when(new AmendDisclosure(ID, SCHOOL, "staff-2", details(CounterpartType.STAFF, null, RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void anotherSchoolCannotAmendTheDisclosure() {
        fixture.given(transparentDeclared())
                .when(new AmendDisclosure(ID, "school-b", DECLARER, details(CounterpartType.STAFF, null,
                        RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void anAmendmentKeepsTheDeclarationRules() {
        fixture.given(transparentDeclared())
                .when(new AmendDisclosure(ID, SCHOOL, DECLARER, details(CounterpartType.STUDENT, null,
                        RelationshipBasis.FAMILY_MEMBER)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotAmendAWithdrawnDisclosure() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", NOW));
        fixture.given(history)
                .when(new AmendDisclosure(ID, SCHOOL, DECLARER, details(CounterpartType.STAFF, null,
                        RelationshipBasis.PERSONAL_FRIENDSHIP)))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- withdrawal

    @Test
    void theDeclarerWithdrawsWithAReason() {
        fixture.given(transparentDeclared())
                .when(new WithdrawDisclosure(ID, SCHOOL, DECLARER, "the relationship ended"))
                .expectEvents(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "the relationship ended", NOW));
    }

    @Test
    void aWithdrawalRecordsItsReason() {
        fixture.given(transparentDeclared())
                .when(new WithdrawDisclosure(ID, SCHOOL, DECLARER, ""))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void someoneElseCannotWithdrawTheDisclosure() {
        fixture.given(transparentDeclared())
                .when(new WithdrawDisclosure(ID, SCHOOL, "staff-2", "ended"))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void anotherSchoolCannotWithdrawTheDisclosure() {
        fixture.given(transparentDeclared())
                .when(new WithdrawDisclosure(ID, "school-b", DECLARER, "ended"))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawTwice() {
        List<Object> history = transparentDeclared();
        history.add(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", NOW));
        fixture.given(history)
                .when(new WithdrawDisclosure(ID, SCHOOL, DECLARER, "ended again"))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers

    private static DeclareRelationship declare(RelationshipDetails details) {
        return new DeclareRelationship(ID, SCHOOL, DECLARER, details);
    }

    private static ReviewDisclosure review(ReviewResult result, String conditions) {
        return new ReviewDisclosure(ID, SCHOOL, PRINCIPAL, result, conditions, "seen");
    }

    private static RelationshipDetails details(CounterpartType type, LocalDate dateOfBirth, RelationshipBasis basis) {
        return new RelationshipDetails(type, "Alex Example", dateOfBirth, basis,
                basis == RelationshipBasis.OTHER ? "neighbours" : null, List.of("Instagram"), "we follow each other");
    }

    private static DisclosureDecided decided(int version, CounterpartType type, DisclosureDecision decision,
                                             DisclosureRule rule, Integer age) {
        return new DisclosureDecided(ID, SCHOOL, version, decision, rule, TODAY, age, NOW, DECLARER, type,
                TODAY.plusYears(1));
    }

    private static DisclosureFlagged flagged(int version, CounterpartType type, DisclosureDecision decision,
                                             DisclosureRule rule, FlagReason reason) {
        return new DisclosureFlagged(ID, SCHOOL, version, DECLARER, type, decision, rule, reason, NOW);
    }

    private static List<Object> transparentDeclared() {
        RelationshipDetails details = details(CounterpartType.PARENT, null, RelationshipBasis.STAFF_IS_PARENT);
        return new java.util.ArrayList<>(List.of(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                decided(1, CounterpartType.PARENT, DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P10_PARENT_OTHER, null)));
    }

    private static List<Object> prohibitedDeclared() {
        RelationshipDetails details = details(CounterpartType.STUDENT, TODAY.minusYears(15), RelationshipBasis.PERSONAL_FRIENDSHIP);
        return new java.util.ArrayList<>(List.of(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                decided(1, CounterpartType.STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, 15),
                flagged(1, CounterpartType.STUDENT, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER,
                        FlagReason.PROHIBITED)));
    }

    private static List<Object> permittedDeclared() {
        RelationshipDetails details = details(CounterpartType.STAFF, null, RelationshipBasis.PERSONAL_FRIENDSHIP);
        return new java.util.ArrayList<>(List.of(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                decided(1, CounterpartType.STAFF, DisclosureDecision.PERMITTED, DisclosureRule.STAFF_OR_OTHER, null)));
    }
}
