package org.casetrail.cases.lifecycle.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.cases.lifecycle.api.CaseOpenedFromDisclosure;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.OpenCaseFromDisclosure;
import org.casetrail.cases.lifecycle.api.Subject;
import org.casetrail.cases.lifecycle.api.SubjectType;
import org.casetrail.cases.reference.CaseReferences;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A flagged disclosure opens a STAFF_CONDUCT case about its declarer, once (domain.md, "Disclosures"; P8, P10). */
class CaseFromDisclosureTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));
    private static final String CASE = "c-d1";
    private static final String SYSTEM = "system:disclosures";

    private AggregateTestFixture<Case> fixture;
    private CaseTest.CountingReferences references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        references = new CaseTest.CountingReferences();
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((CaseReferences) references);
        fixture.registerInjectableResource(CaseProperties.defaults());
    }

    private static OpenCaseFromDisclosure open(String clause) {
        return new OpenCaseFromDisclosure(CASE, "school-a", "d-1", 2, "u-declarer", clause, "PROHIBITED", SYSTEM);
    }

    @Test
    void aFlagOpensAConductCaseAboutTheDeclarerReportedByTheSystemWithTheClauseAsAHint() {
        fixture.givenNoPriorActivity()
                .when(open("P8"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(ConcernReported.class),
                                org.hamcrest.Matchers.equalTo(new CaseOpenedFromDisclosure(CASE, "school-a",
                                        "CT-2026-000001", "d-1", 2, "u-declarer", "P8", "PROHIBITED", NOW)),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        java.util.List<Object> payloads = new java.util.ArrayList<>();
        fixture.givenNoPriorActivity().when(open("P10"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new org.hamcrest.CustomTypeSafeMatcher<java.util.List<? super org.axonframework.eventhandling.EventMessage<?>>>("any events") {
                    @Override
                    protected boolean matchesSafely(java.util.List<? super org.axonframework.eventhandling.EventMessage<?>> events) {
                        events.forEach(e -> payloads.add(((org.axonframework.eventhandling.EventMessage<?>) e).getPayload()));
                        return true;
                    }
                });
        ConcernReported reported = (ConcernReported) payloads.get(0);
        assertThat(reported).isNotNull();
        assertThat(reported.category()).isEqualTo(CaseCategory.STAFF_CONDUCT);
        assertThat(reported.safeguarding()).isFalse();
        assertThat(reported.reporterId()).isEqualTo(SYSTEM);
        assertThat(reported.subject()).isEqualTo(new Subject(SubjectType.STAFF, "u-declarer", null));
        assertThat(reported.submittedAt()).isEqualTo(NOW);
        // fixed, non-personal text: the clause and the disclosure id, never the counterpart
        assertThat(reported.summary()).contains("P10");
        assertThat(reported.details()).contains("P10").contains("d-1");
    }

    @Test
    void aSecondDeliveryMeetsTheCaseItOpenedAndChangesNothing() {
        fixture.given(new ConcernReported(CASE, "school-a", "CT-2026-000001", SYSTEM, CaseCategory.STAFF_CONDUCT,
                        "s", "d", null, null, new Subject(SubjectType.STAFF, "u-declarer", null), false, NOW),
                        new CaseOpenedFromDisclosure(CASE, "school-a", "CT-2026-000001", "d-1", 2, "u-declarer", "P8",
                                "PROHIBITED", NOW))
                .when(open("P8"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(references.issued()).isZero();
    }

    @Test
    void anUnknownClauseIsRefusedAndConsumesNoReference() {
        fixture.givenNoPriorActivity()
                .when(open("P99"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        assertThat(references.issued()).isZero();
    }

    @Test
    void aFlagWithoutADeclarerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseFromDisclosure(CASE, "school-a", "d-1", 1, null, "P8", "PROHIBITED", SYSTEM))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
