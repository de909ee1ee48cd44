package org.casetrail.disclosures.policy.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetrail.disclosures.policy.api.AcknowledgePolicyVersion;
import org.casetrail.disclosures.policy.api.PolicyAcknowledgementReminded;
import org.casetrail.disclosures.policy.api.PolicyVersionAcknowledged;
import org.casetrail.disclosures.policy.api.PolicyVersionPublished;
import org.casetrail.disclosures.policy.api.PublishPolicyVersion;
import org.casetrail.disclosures.policy.api.RecordTrainingCompletion;
import org.casetrail.disclosures.policy.api.RemindPolicyAcknowledgement;
import org.casetrail.disclosures.policy.api.TrainingCompleted;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** domain.md, "Policy acknowledgement" (P2): publication once per school, acknowledgements, training, reminders. */
class PolicyVersionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String ID = "school-a:2026.1";

    private AggregateTestFixture<PolicyVersion> fixture;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/London"));
        fixture = new AggregateTestFixture<>(PolicyVersion.class);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new PolicyVersionIntake(fixture.getRepository(), clock));
    }

    @Test
    void anAdminPublishesAVersionOnce() {
        fixture.givenNoPriorActivity()
                .when(new PublishPolicyVersion(ID, "school-a", "2026.1", "Social media", "The text", TODAY, "admin-1"))
                .expectEvents(published())
                .expectResultMessagePayload("2026.1");
        fixture.given(published())
                .when(new PublishPolicyVersion(ID, "school-a", "2026.1", "Again", "Other text", TODAY, "admin-1"))
                .expectException(StateConflict.class);
    }

    @Test
    void aVersionWithoutTextIsNotPublished() {
        fixture.givenNoPriorActivity()
                .when(new PublishPolicyVersion(ID, "school-a", "2026.1", "Social media", " ", TODAY, "admin-1"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void staffAcknowledgeOnceAndAnotherSchoolDoesNotFindTheVersion() {
        fixture.given(published())
                .when(new AcknowledgePolicyVersion(ID, "school-a", "staff-1"))
                .expectEvents(new PolicyVersionAcknowledged(ID, "school-a", "2026.1", "staff-1", NOW));
        fixture.given(published(), new PolicyVersionAcknowledged(ID, "school-a", "2026.1", "staff-1", NOW))
                .when(new AcknowledgePolicyVersion(ID, "school-a", "staff-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(published())
                .when(new AcknowledgePolicyVersion(ID, "school-b", "staff-9"))
                .expectException(NotFound.class);
    }

    @Test
    void trainingIsRecordedOnceCompletedAndTheSameDayOnlyOnce() {
        fixture.given(published())
                .when(new RecordTrainingCompletion(ID, "school-a", "staff-1", TODAY, "hr-1"))
                .expectEvents(new TrainingCompleted(ID, "school-a", "2026.1", "staff-1", TODAY, "hr-1", NOW));
        fixture.given(published(), new TrainingCompleted(ID, "school-a", "2026.1", "staff-1", TODAY, "hr-1", NOW))
                .when(new RecordTrainingCompletion(ID, "school-a", "staff-1", TODAY, "hr-1"))
                .expectNoEvents();
        fixture.given(published())
                .when(new RecordTrainingCompletion(ID, "school-a", "staff-1", TODAY.plusDays(1), "hr-1"))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void onlyThoseWhoHaveNotAcknowledgedAreRemindedOncePerRound() {
        fixture.given(published())
                .when(new RemindPolicyAcknowledgement(ID, "school-a", "staff-2", 1))
                .expectEvents(new PolicyAcknowledgementReminded(ID, "school-a", "2026.1", "staff-2", 1, NOW));
        fixture.given(published(), new PolicyAcknowledgementReminded(ID, "school-a", "2026.1", "staff-2", 1, NOW))
                .when(new RemindPolicyAcknowledgement(ID, "school-a", "staff-2", 1))
                .expectNoEvents();
        fixture.given(published(), new PolicyVersionAcknowledged(ID, "school-a", "2026.1", "staff-2", NOW))
                .when(new RemindPolicyAcknowledgement(ID, "school-a", "staff-2", 2))
                .expectNoEvents();
    }

    private static PolicyVersionPublished published() {
        return new PolicyVersionPublished(ID, "school-a", "2026.1", "Social media", "The text", TODAY, "admin-1", NOW);
    }
}
