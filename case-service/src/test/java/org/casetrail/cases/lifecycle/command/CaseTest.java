package org.casetrail.cases.lifecycle.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.ConcernReceipt;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.ReportConcern;
import org.casetrail.cases.lifecycle.api.Subject;
import org.casetrail.cases.lifecycle.api.SubjectType;
import org.casetrail.cases.reference.CaseReferences;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules for opening a case (domain.md, "The case"), one test per rule. */
class CaseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));
    private static final Instant YESTERDAY = NOW.minusSeconds(86_400);

    private AggregateTestFixture<Case> fixture;
    private CountingReferences references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        references = new CountingReferences();
        fixture.registerAnnotatedCommandHandler(new ConcernIntake(fixture.getRepository(), references, CLOCK));
    }

    @Test
    void reportingAConcernOpensACaseInReportedStateWithTheSchoolsNextReference() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.STAFF_CONDUCT, false, staffSubject("u-9")))
                .expectEvents(new ConcernReported("c-1", "school-a", "CT-2026-000001", "u-1", CaseCategory.STAFF_CONDUCT,
                        "summary", "details", YESTERDAY, "Facebook", staffSubject("u-9"), false, NOW))
                .expectResultMessagePayload(new ConcernReceipt("c-1", "CT-2026-000001", CaseStatus.REPORTED));
    }

    @Test
    void aSafeguardingConcernIsAlwaysFlaggedSafeguarding() {
        assertThat(lastReported("c-1", CaseCategory.SAFEGUARDING, false).safeguarding()).isTrue();
    }

    @Test
    void aConductConcernMayCarryTheSafeguardingAspect() {
        assertThat(lastReported("c-1", CaseCategory.STAFF_CONDUCT, true).safeguarding()).isTrue();
        assertThat(lastReported("c-2", CaseCategory.STAFF_CONDUCT, false).safeguarding()).isFalse();
    }

    @Test
    void cannotFlagAnAbuseOfStaffConcernAsSafeguarding() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.ABUSE_OF_STAFF, true, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("report a child at risk as SAFEGUARDING"))
                .expectNoEvents();
    }

    @Test
    void cannotFlagAPolicyQueryAsSafeguarding() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.POLICY_QUERY, true, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotReportSomethingThatHasNotHappenedYet() {
        fixture.givenNoPriorActivity()
                .when(new ReportConcern("c-1", "school-a", "u-1", CaseCategory.STAFF_CONDUCT, "summary", "details",
                        NOW.plusSeconds(3600), null, null, false))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotBeTheSubjectOfOnesOwnReport() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.STAFF_CONDUCT, false, staffSubject("u-1")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aKnownSubjectNeedsAUserIdOrAName() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.STAFF_CONDUCT, false, new Subject(SubjectType.STUDENT, null, " ")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownSubjectNeedsNeitherIdNorName() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.ABUSE_OF_STAFF, false, new Subject(SubjectType.UNKNOWN, null, null)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRefusedReportDoesNotUseUpAReference() {
        fixture.givenNoPriorActivity()
                .when(report("c-1", CaseCategory.POLICY_QUERY, true, null))
                .expectException(DomainRuleViolation.class);
        assertThat(references.issued()).isZero();
    }

    private ConcernReported lastReported(String caseId, CaseCategory category, boolean safeguarding) {
        ConcernReported[] captured = new ConcernReported[1];
        fixture.givenNoPriorActivity()
                .when(report(caseId, category, safeguarding, null))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(new org.hamcrest.BaseMatcher<>() {
                            @Override
                            public boolean matches(Object item) {
                                captured[0] = (ConcernReported) item;
                                return true;
                            }

                            @Override
                            public void describeTo(org.hamcrest.Description description) {
                                description.appendText("a ConcernReported");
                            }
                        }, org.axonframework.test.matchers.Matchers.andNoMore())));
        return captured[0];
    }

    private static ReportConcern report(String caseId, CaseCategory category, boolean safeguarding, Subject subject) {
        return new ReportConcern(caseId, "school-a", "u-1", category, "summary", "details", YESTERDAY, "Facebook",
                subject, safeguarding);
    }

    private static Subject staffSubject(String userId) {
        return new Subject(SubjectType.STAFF, userId, "A Colleague");
    }

    /** References in memory; the Mongo-backed allocator is exercised by the integration test. */
    static final class CountingReferences implements CaseReferences {
        private final Map<String, Long> counters = new HashMap<>();

        @Override
        public String next(String schoolId, Year year) {
            long next = counters.merge(schoolId + "/" + year, 1L, Long::sum);
            return CaseReferences.format(year, next);
        }

        long issued() {
            return counters.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
