package org.casetrail.cases.lifecycle.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The shared given-state of the case fixture tests: people, events up to each state, and refusal matchers. */
abstract class CaseFixtureSupport {

    /** A Wednesday. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));
    static final Instant REPORTED_AT = NOW.minus(Duration.ofDays(20));

    static final String CASE = "c-1";
    static final String SCHOOL = "school-a";
    static final String OTHER_SCHOOL = "school-b";
    static final String REPORTER = "u-reporter";
    static final String SUBJECT = "u-subject";
    static final String PRINCIPAL = "u-principal";
    static final String DSL = "u-dsl";
    static final String HR = "u-hr";
    static final String INVESTIGATOR = "u-investigator";
    static final String GOVERNOR = "u-governor";
    static final String GOVERNOR_2 = "u-governor-2";

    AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(CaseProperties.defaults());
    }

    static Set<Role> roles(Role... roles) {
        Set<Role> set = EnumSet.of(Role.STAFF);
        set.addAll(Arrays.asList(roles));
        return Set.copyOf(set);
    }

    // ------------------------------------------------------------------ events

    static ConcernReported reported(CaseCategory category, boolean safeguarding) {
        return new ConcernReported(CASE, SCHOOL, "CT-2026-000001", REPORTER, category, "summary", "details",
                REPORTED_AT.minus(Duration.ofDays(1)), "Facebook", new Subject(SubjectType.STAFF, SUBJECT, "A Colleague"),
                safeguarding, REPORTED_AT);
    }

    static ConcernReported conductReported() {
        return reported(CaseCategory.STAFF_CONDUCT, false);
    }

    static CaseTriaged triaged(TriageRoute route) {
        return new CaseTriaged(CASE, SCHOOL, route, Severity.MEDIUM, "because", PRINCIPAL, REPORTED_AT.plusSeconds(60));
    }

    static InvestigatorAssigned investigatorAssigned() {
        return new InvestigatorAssigned(CASE, SCHOOL, INVESTIGATOR, HR, REPORTED_AT.plusSeconds(120));
    }

    static FindingsRecorded findings(boolean breach, boolean gross) {
        return new FindingsRecorded(CASE, SCHOOL, breach, breach ? List.of("P7.HARASSMENT") : List.of(), gross,
                gross ? GrossMisconductReason.BULLYING_COLLEAGUES : null, null, "findings", INVESTIGATOR,
                REPORTED_AT.plus(Duration.ofDays(5)));
    }

    static HearingScheduled hearingScheduled(String decisionMaker) {
        return new HearingScheduled(CASE, SCHOOL, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(8)),
                decisionMaker, null, true, HR, NOW.minus(Duration.ofDays(8)));
    }

    static HearingHeld hearingHeld() {
        return new HearingHeld(CASE, SCHOOL, NOW.minus(Duration.ofDays(3)), true, "a union rep", "notes", HR,
                NOW.minus(Duration.ofDays(3)));
    }

    static OutcomeDecided outcomeDecided(Instant decidedAt) {
        return new OutcomeDecided(CASE, SCHOOL, DisciplinaryOutcome.FINAL_WRITTEN_WARNING, "rationale", GOVERNOR,
                decidedAt, decidedAt.plus(Duration.ofDays(10)));
    }

    static AppealLodged appealLodged() {
        return new AppealLodged(CASE, SCHOOL, "grounds", GOVERNOR_2, SUBJECT, NOW.minus(Duration.ofDays(1)));
    }

    // ------------------------------------------------------------------ histories up to each state

    static List<Object> history(Object... events) {
        return new ArrayList<>(Arrays.asList(events));
    }

    static List<Object> investigating() {
        return history(conductReported(), triaged(TriageRoute.INVESTIGATION), investigatorAssigned());
    }

    static List<Object> findingsRecorded(boolean breach, boolean gross) {
        List<Object> events = investigating();
        events.add(findings(breach, gross));
        return events;
    }

    static List<Object> hearingScheduledBy(String decisionMaker, boolean gross) {
        List<Object> events = findingsRecorded(true, gross);
        events.add(hearingScheduled(decisionMaker));
        return events;
    }

    static List<Object> hearingWasHeld(boolean gross) {
        List<Object> events = hearingScheduledBy(GOVERNOR, gross);
        events.add(hearingHeld());
        return events;
    }

    static List<Object> outcomeWasDecided(Instant decidedAt) {
        List<Object> events = hearingWasHeld(false);
        events.add(outcomeDecided(decidedAt));
        return events;
    }

    static List<Object> appealWasLodged() {
        List<Object> events = outcomeWasDecided(NOW.minus(Duration.ofDays(2)));
        events.add(appealLodged());
        return events;
    }

    TestExecutor<Case> given(List<Object> events) {
        return fixture.given(events);
    }

    // ------------------------------------------------------------------ refusals: nothing is stored

    static void refusedByRule(ResultValidator<Case> result, String rule) {
        result.expectException(ruleViolation(rule)).expectNoEvents();
    }

    static void refusedInState(ResultValidator<Case> result, CaseStatus state) {
        result.expectException(stateConflict(state)).expectNoEvents();
    }

    static void notFound(ResultValidator<Case> result) {
        result.expectException(NotFound.class).expectNoEvents();
    }

    static Matcher<Throwable> ruleViolation(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRuleViolation violation && rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation of rule " + rule);
            }
        };
    }

    static Matcher<Throwable> stateConflict(CaseStatus state) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof StateConflict conflict && state.name().equals(conflict.state())
                        && conflict.getMessage().contains(state.name());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a StateConflict naming the state " + state);
            }
        };
    }
}
