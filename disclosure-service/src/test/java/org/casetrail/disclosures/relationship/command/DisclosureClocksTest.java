package org.casetrail.disclosures.relationship.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.disclosures.relationship.api.CounterpartAges;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.disclosures.relationship.api.DisclosureReconfirmed;
import org.casetrail.disclosures.relationship.api.DisclosureReevaluated;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.ReconfirmDisclosure;
import org.casetrail.disclosures.relationship.api.ReconfirmationOverdueReported;
import org.casetrail.disclosures.relationship.api.ReconfirmationReminderSent;
import org.casetrail.disclosures.relationship.api.ReevaluateDisclosure;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.RemindReconfirmation;
import org.casetrail.disclosures.relationship.api.ReportReconfirmationOverdue;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure's clocks (domain.md, "Disclosures"): re-evaluation on the counterpart's 18th
 * birthday — the day before, the day, the day after, per decision-table row — and the yearly
 * re-confirmation with its reminders and overdue report. Each command may arrive twice.
 */
class DisclosureClocksTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ID = "d-1";
    private static final String SCHOOL = "school-a";
    private static final String DECLARER = "staff-1";
    /** Declared on 25 Nov 2026; the counterpart was born 10 Mar 2009 and turns 18 on 10 Mar 2027. */
    private static final LocalDate DECLARED_ON = LocalDate.of(2026, 11, 25);
    private static final LocalDate BORN = LocalDate.of(2009, 3, 10);
    private static final LocalDate TURNS_18 = LocalDate.of(2027, 3, 10);
    private static final LocalDate DUE = DECLARED_ON.plusYears(1);

    private static AggregateTestFixture<RelationshipDisclosure> fixtureOn(LocalDate day) {
        // 08:00 in London: the school's day, whatever the offset
        Instant at = day.atTime(8, 0).atZone(LONDON).toInstant();
        AggregateTestFixture<RelationshipDisclosure> fixture = new AggregateTestFixture<>(RelationshipDisclosure.class);
        fixture.registerInjectableResource(Clock.fixed(at, LONDON));
        return fixture;
    }

    // ---------------------------------------------------------------- the 18th birthday

    @Test
    void turns18OnTheBirthdayAndABirthdayOn29FebruaryOn1MarchInAYearWithoutOne() {
        assertThat(CounterpartAges.turns18On(BORN)).isEqualTo(TURNS_18);
        assertThat(CounterpartAges.turns18On(LocalDate.of(2008, 2, 29))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(CounterpartAges.turns18On(LocalDate.of(2010, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 28));
        // 2032 is a leap year: the anniversary exists
        assertThat(CounterpartAges.turns18On(LocalDate.of(2014, 2, 28))).isEqualTo(LocalDate.of(2032, 2, 28));
        assertThat(CounterpartAges.ageOn(LocalDate.of(2008, 2, 29), LocalDate.of(2026, 2, 28))).isEqualTo(17);
        assertThat(CounterpartAges.ageOn(LocalDate.of(2008, 2, 29), LocalDate.of(2026, 3, 1))).isEqualTo(18);
    }

    @Test
    void theDayBeforeAProhibitedExStudentIsNotYetReevaluated() {
        fixtureOn(TURNS_18.minusDays(1)).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP))
                .when(reevaluate(1, TURNS_18))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void onTheDayAProhibitedExStudentBecomesPermitted() {
        fixtureOn(TURNS_18).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.EX_STUDENT, DisclosureDecision.PROHIBITED,
                        DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, TURNS_18));
    }

    @Test
    void theDayAfterAWatchThatWasDownStillReevaluatesAsOfTheBirthday() {
        fixtureOn(TURNS_18.plusDays(1)).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.EX_STUDENT, DisclosureDecision.PROHIBITED,
                        DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, TURNS_18, TURNS_18.plusDays(1)));
    }

    @Test
    void aTransparentExStudentWhoIsFamilyBecomesPermittedOnTheDayNotBefore() {
        fixtureOn(TURNS_18.minusDays(1)).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.FAMILY_MEMBER))
                .when(reevaluate(1, TURNS_18))
                .expectException(StateConflict.class);
        fixtureOn(TURNS_18).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.FAMILY_MEMBER))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.EX_STUDENT, DisclosureDecision.PERMITTED_TRANSPARENT,
                        DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, TURNS_18));
        fixtureOn(TURNS_18.plusDays(1)).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.FAMILY_MEMBER))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.EX_STUDENT, DisclosureDecision.PERMITTED_TRANSPARENT,
                        DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT, TURNS_18, TURNS_18.plusDays(1)));
    }

    @Test
    void aCurrentStudentStaysAStudentAt18TheReevaluationIsRecordedUnchanged() {
        fixtureOn(TURNS_18).given(declared(CounterpartType.STUDENT, RelationshipBasis.FAMILY_FRIEND))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.STUDENT, DisclosureDecision.PERMITTED_TRANSPARENT,
                        DisclosureDecision.PERMITTED_TRANSPARENT, DisclosureRule.P8_STUDENT_FAMILY, TURNS_18));
        fixtureOn(TURNS_18).given(declared(CounterpartType.STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP))
                .when(reevaluate(1, TURNS_18))
                .expectEvents(reevaluated(CounterpartType.STUDENT, DisclosureDecision.PROHIBITED,
                        DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER, TURNS_18));
    }

    @Test
    void aSecondReevaluationChangesNothing() {
        List<Object> history = declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP);
        history.add(reevaluated(CounterpartType.EX_STUDENT, DisclosureDecision.PROHIBITED, DisclosureDecision.PERMITTED,
                DisclosureRule.P8_EX_STUDENT_ADULT, TURNS_18));
        fixtureOn(TURNS_18).given(history).when(reevaluate(1, TURNS_18)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aVersionSinceAmendedOrAWithdrawnDisclosureIsNotReevaluated() {
        List<Object> amended = declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP);
        amended.add(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, details(CounterpartType.STAFF,
                RelationshipBasis.PERSONAL_FRIENDSHIP), at(DECLARED_ON)));
        amended.add(new DisclosureDecided(ID, SCHOOL, 2, DisclosureDecision.PERMITTED, DisclosureRule.STAFF_OR_OTHER,
                DECLARED_ON, 17, at(DECLARED_ON), DECLARER, CounterpartType.STAFF, DUE));
        fixtureOn(TURNS_18).given(amended).when(reevaluate(1, TURNS_18)).expectSuccessfulHandlerExecution().expectNoEvents();

        List<Object> withdrawn = declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP);
        withdrawn.add(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", at(DECLARED_ON)));
        fixtureOn(TURNS_18).given(withdrawn).when(reevaluate(1, TURNS_18)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDateOfBirthOn29FebruaryIsReevaluatedOn1March() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        LocalDate firstMarch = LocalDate.of(2026, 3, 1);
        fixtureOn(LocalDate.of(2026, 2, 28)).given(declared(CounterpartType.EX_STUDENT, born,
                        RelationshipBasis.PERSONAL_FRIENDSHIP, LocalDate.of(2025, 11, 25), 17))
                .when(reevaluate(1, firstMarch))
                .expectException(StateConflict.class);
        fixtureOn(firstMarch).given(declared(CounterpartType.EX_STUDENT, born, RelationshipBasis.PERSONAL_FRIENDSHIP,
                        LocalDate.of(2025, 11, 25), 17))
                .when(reevaluate(1, firstMarch))
                .expectEvents(new DisclosureReevaluated(ID, SCHOOL, 1, DECLARER, CounterpartType.EX_STUDENT,
                        DisclosureDecision.PROHIBITED, DisclosureDecision.PERMITTED, DisclosureRule.P8_EX_STUDENT_ADULT,
                        DisclosureReevaluated.COUNTERPART_TURNED_18, firstMarch, 18, at(firstMarch)));
    }

    @Test
    void anotherSchoolsClockDoesNotFindTheDisclosure() {
        fixtureOn(TURNS_18).given(declared(CounterpartType.EX_STUDENT, RelationshipBasis.PERSONAL_FRIENDSHIP))
                .when(new ReevaluateDisclosure(ID, "school-b", 1, DisclosureReevaluated.COUNTERPART_TURNED_18, TURNS_18))
                .expectException(NotFound.class);
    }

    // ---------------------------------------------------------------- yearly re-confirmation

    @Test
    void theDeclarerReconfirmsAndTheYearStartsAgain() {
        LocalDate today = DUE.minusDays(10);
        fixtureOn(today).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new ReconfirmDisclosure(ID, SCHOOL, DECLARER))
                .expectEvents(new DisclosureReconfirmed(ID, SCHOOL, DECLARER, 1, today, today.plusYears(1), at(today)));
    }

    @Test
    void onlyTheDeclarerReconfirmsAndNotOnceWithdrawn() {
        fixtureOn(DUE).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new ReconfirmDisclosure(ID, SCHOOL, "staff-2"))
                .expectException(NotFound.class);
        List<Object> withdrawn = declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT);
        withdrawn.add(new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", at(DECLARED_ON)));
        fixtureOn(DUE).given(withdrawn).when(new ReconfirmDisclosure(ID, SCHOOL, DECLARER))
                .expectException(StateConflict.class);
    }

    @Test
    void aReminderGoesOutOncePerNumberAndDueDay() {
        LocalDate today = DUE.minusDays(30);
        fixtureOn(today).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new RemindReconfirmation(ID, SCHOOL, DUE, 1))
                .expectEvents(new ReconfirmationReminderSent(ID, SCHOOL, DECLARER, DUE, 1, at(today)));
        List<Object> reminded = declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT);
        reminded.add(new ReconfirmationReminderSent(ID, SCHOOL, DECLARER, DUE, 1, at(today)));
        fixtureOn(today).given(reminded).when(new RemindReconfirmation(ID, SCHOOL, DUE, 1)).expectNoEvents();
        fixtureOn(DUE.minusDays(7)).given(reminded).when(new RemindReconfirmation(ID, SCHOOL, DUE, 2))
                .expectEvents(new ReconfirmationReminderSent(ID, SCHOOL, DECLARER, DUE, 2, at(DUE.minusDays(7))));
    }

    @Test
    void noReminderOnceReconfirmedOrPastTheDueDay() {
        List<Object> reconfirmed = declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT);
        LocalDate on = DUE.minusDays(40);
        reconfirmed.add(new DisclosureReconfirmed(ID, SCHOOL, DECLARER, 1, on, on.plusYears(1), at(on)));
        fixtureOn(DUE.minusDays(30)).given(reconfirmed).when(new RemindReconfirmation(ID, SCHOOL, DUE, 1)).expectNoEvents();
        fixtureOn(DUE.plusDays(1)).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new RemindReconfirmation(ID, SCHOOL, DUE, 2)).expectNoEvents();
    }

    @Test
    void unconfirmedPastTheDueDayIsReportedOnceFromTheDayAfter() {
        fixtureOn(DUE).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new ReportReconfirmationOverdue(ID, SCHOOL, DUE))
                .expectException(StateConflict.class);
        LocalDate after = DUE.plusDays(1);
        fixtureOn(after).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new ReportReconfirmationOverdue(ID, SCHOOL, DUE))
                .expectEvents(new ReconfirmationOverdueReported(ID, SCHOOL, DECLARER, DUE, at(after)));
        List<Object> reported = declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT);
        reported.add(new ReconfirmationOverdueReported(ID, SCHOOL, DECLARER, DUE, at(after)));
        fixtureOn(after).given(reported).when(new ReportReconfirmationOverdue(ID, SCHOOL, DUE)).expectNoEvents();
    }

    @Test
    void reconfirmedOnTheDueDayIsInTime() {
        List<Object> reconfirmed = declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT);
        reconfirmed.add(new DisclosureReconfirmed(ID, SCHOOL, DECLARER, 1, DUE, DUE.plusYears(1), at(DUE)));
        fixtureOn(DUE.plusDays(1)).given(reconfirmed).when(new ReportReconfirmationOverdue(ID, SCHOOL, DUE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAmendmentStartsTheYearAgain() {
        LocalDate amendedOn = DUE.minusDays(5);
        fixtureOn(amendedOn).given(declared(CounterpartType.PARENT, RelationshipBasis.STAFF_IS_PARENT))
                .when(new org.casetrail.disclosures.relationship.api.AmendDisclosure(ID, SCHOOL, DECLARER,
                        details(CounterpartType.PARENT, RelationshipBasis.FAMILY_FRIEND)))
                .expectEvents(new DisclosureAmended(ID, SCHOOL, DECLARER, 2, details(CounterpartType.PARENT,
                                RelationshipBasis.FAMILY_FRIEND), at(amendedOn)),
                        new DisclosureDecided(ID, SCHOOL, 2, DisclosureDecision.PERMITTED_TRANSPARENT,
                                DisclosureRule.P10_PARENT_OTHER, amendedOn, null, at(amendedOn), DECLARER,
                                CounterpartType.PARENT, amendedOn.plusYears(1)));
    }

    // ---------------------------------------------------------------- helpers

    private static Instant at(LocalDate day) {
        return day.atTime(8, 0).atZone(LONDON).toInstant();
    }

    private static RelationshipDetails details(CounterpartType type, RelationshipBasis basis) {
        LocalDate born = type == CounterpartType.STUDENT || type == CounterpartType.EX_STUDENT ? BORN : null;
        return new RelationshipDetails(type, "Alex Example", born, basis, null, List.of("Instagram"), "we follow each other");
    }

    private static List<Object> declared(CounterpartType type, RelationshipBasis basis) {
        boolean studentLike = type == CounterpartType.STUDENT || type == CounterpartType.EX_STUDENT;
        return declared(type, studentLike ? BORN : null, basis, DECLARED_ON, studentLike ? 17 : null);
    }

    /** The events a declaration on {@code on} stores, decided by the table itself. */
    private static List<Object> declared(CounterpartType type, LocalDate born, RelationshipBasis basis, LocalDate on,
                                         Integer age) {
        RelationshipDetails details = new RelationshipDetails(type, "Alex Example", born, basis, null,
                List.of("Instagram"), "we follow each other");
        DisclosureDecisionTable.Outcome outcome = DisclosureDecisionTable.decide(details, on);
        List<Object> events = new ArrayList<>();
        events.add(new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, at(on)));
        events.add(new DisclosureDecided(ID, SCHOOL, 1, outcome.decision(), outcome.rule(), on, age, at(on), DECLARER,
                type, on.plusYears(1)));
        if (outcome.decision() == DisclosureDecision.PROHIBITED) {
            events.add(new DisclosureFlagged(ID, SCHOOL, 1, DECLARER, type, outcome.decision(), outcome.rule(),
                    FlagReason.PROHIBITED, at(on)));
        }
        return events;
    }

    private static ReevaluateDisclosure reevaluate(int version, LocalDate effectiveOn) {
        return new ReevaluateDisclosure(ID, SCHOOL, version, DisclosureReevaluated.COUNTERPART_TURNED_18, effectiveOn);
    }

    private static DisclosureReevaluated reevaluated(CounterpartType type, DisclosureDecision previous,
                                                     DisclosureDecision decision, DisclosureRule rule, LocalDate effectiveOn) {
        return reevaluated(type, previous, decision, rule, effectiveOn, effectiveOn);
    }

    private static DisclosureReevaluated reevaluated(CounterpartType type, DisclosureDecision previous,
                                                     DisclosureDecision decision, DisclosureRule rule,
                                                     LocalDate effectiveOn, LocalDate today) {
        return new DisclosureReevaluated(ID, SCHOOL, 1, DECLARER, type, previous, decision, rule,
                DisclosureReevaluated.COUNTERPART_TURNED_18, effectiveOn, CounterpartAges.ageOn(BORN, today), at(today));
    }
}
