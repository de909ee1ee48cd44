package org.casetrail.disclosures.relationship.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.disclosures.relationship.api.CaseLinked;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.LinkCase;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** domain.md, "Disclosures": a flag's conduct case is linked back to the disclosure, once. */
class CaseLinkTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String ID = "d-1";
    private static final String SCHOOL = "school-a";
    private static final String DECLARER = "staff-1";

    private AggregateTestFixture<RelationshipDisclosure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RelationshipDisclosure.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/London")));
    }

    private static Object[] flaggedDisclosure() {
        RelationshipDetails details = new RelationshipDetails(CounterpartType.STUDENT, "Alex Example",
                TODAY.minusYears(15), RelationshipBasis.PERSONAL_FRIENDSHIP, null, List.of("Instagram"), "we chat");
        return new Object[] {
                new RelationshipDeclared(ID, SCHOOL, DECLARER, 1, details, NOW),
                new DisclosureDecided(ID, SCHOOL, 1, DisclosureDecision.PROHIBITED, DisclosureRule.P8_STUDENT_OTHER,
                        TODAY, 15, NOW, DECLARER, CounterpartType.STUDENT, TODAY.plusYears(1)),
                new DisclosureFlagged(ID, SCHOOL, 1, DECLARER, CounterpartType.STUDENT, DisclosureDecision.PROHIBITED,
                        DisclosureRule.P8_STUDENT_OTHER, FlagReason.PROHIBITED, NOW)};
    }

    @Test
    void theCaseOpenedFromAFlagIsLinkedToTheDisclosure() {
        fixture.given(flaggedDisclosure())
                .when(new LinkCase(ID, SCHOOL, 1, "case-1", "CT-2026-000001"))
                .expectEvents(new CaseLinked(ID, SCHOOL, 1, "case-1", "CT-2026-000001", NOW));
    }

    @Test
    void aCaseAlreadyLinkedIsNotLinkedAgain() {
        Object[] given = flaggedDisclosure();
        fixture.given(given[0], given[1], given[2], new CaseLinked(ID, SCHOOL, 1, "case-1", "CT-2026-000001", NOW))
                .when(new LinkCase(ID, SCHOOL, 1, "case-1", "CT-2026-000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWithdrawnDisclosureStillRecordsItsCase() {
        Object[] given = flaggedDisclosure();
        fixture.given(given[0], given[1], given[2], new DisclosureWithdrawn(ID, SCHOOL, DECLARER, "ended", NOW))
                .when(new LinkCase(ID, SCHOOL, 1, "case-1", "CT-2026-000001"))
                .expectEvents(new CaseLinked(ID, SCHOOL, 1, "case-1", "CT-2026-000001", NOW));
    }

    @Test
    void anotherSchoolsCaseIsNotLinked() {
        fixture.given(flaggedDisclosure())
                .when(new LinkCase(ID, "school-b", 1, "case-1", "CT-2026-000001"))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aLinkNamesItsCase() {
        fixture.given(flaggedDisclosure())
                .when(new LinkCase(ID, SCHOOL, 1, " ", "CT-2026-000001"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
