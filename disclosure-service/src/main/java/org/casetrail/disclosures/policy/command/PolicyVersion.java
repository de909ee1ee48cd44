package org.casetrail.disclosures.policy.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One version of a school's social media policy and who has acknowledged it (domain.md, "Policy
 * acknowledgement"; P2). Acknowledging, recording the same training and reminding are idempotent, so a
 * retried request or a watch that runs twice changes nothing.
 */
@Aggregate
class PolicyVersion {

    @AggregateIdentifier
    private String policyVersionId;
    private String schoolId;
    private String version;
    private final Set<String> acknowledgedBy = new HashSet<>();
    private final Map<String, Integer> remindersSent = new HashMap<>();
    private final Map<String, LocalDate> trainingCompletedOn = new HashMap<>();

    PolicyVersion() {
        // for Axon's event sourcing
    }

    /** Published through {@link PolicyVersionIntake}, which refuses a version published before. */
    PolicyVersion(PublishPolicyVersion command, Clock clock) {
        if (isBlank(command.version()) || isBlank(command.title()) || isBlank(command.text())
                || command.effectiveFrom() == null) {
            throw new DomainRuleViolation(PolicyRules.DETAILS_COMPLETE,
                    "a policy version has its version, title, text and the day it takes effect");
        }
        apply(new PolicyVersionPublished(command.policyVersionId(), command.schoolId(), command.version(),
                command.title(), command.text(), command.effectiveFrom(), command.publishedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AcknowledgePolicyVersion command, Clock clock) {
        requireSchool(command.schoolId());
        if (acknowledgedBy.contains(command.userId())) {
            return;
        }
        apply(new PolicyVersionAcknowledged(policyVersionId, schoolId, version, command.userId(), clock.instant()));
    }

    /** The latest completion day counts; recording the same day again changes nothing. */
    @CommandHandler
    void handle(RecordTrainingCompletion command, Clock clock) {
        requireSchool(command.schoolId());
        if (command.completedOn() == null || command.completedOn().isAfter(LocalDate.now(clock))) {
            throw new DomainRuleViolation(PolicyRules.TRAINING_NOT_IN_FUTURE, "training is recorded once completed");
        }
        if (command.completedOn().equals(trainingCompletedOn.get(command.userId()))) {
            return;
        }
        apply(new TrainingCompleted(policyVersionId, schoolId, version, command.userId(), command.completedOn(),
                command.recordedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(RemindPolicyAcknowledgement command, Clock clock) {
        requireSchool(command.schoolId());
        if (acknowledgedBy.contains(command.userId())
                || command.reminder() <= remindersSent.getOrDefault(command.userId(), 0)) {
            return;
        }
        apply(new PolicyAcknowledgementReminded(policyVersionId, schoolId, version, command.userId(), command.reminder(),
                clock.instant()));
    }

    /** Another school's version does not exist for the caller. */
    private void requireSchool(String callerSchoolId) {
        if (!schoolId.equals(callerSchoolId)) {
            throw new NotFound("policy version " + version);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(PolicyVersionPublished event) {
        policyVersionId = event.policyVersionId();
        schoolId = event.schoolId();
        version = event.version();
    }

    @EventSourcingHandler
    void on(PolicyVersionAcknowledged event) {
        acknowledgedBy.add(event.userId());
    }

    @EventSourcingHandler
    void on(TrainingCompleted event) {
        trainingCompletedOn.put(event.userId(), event.completedOn());
    }

    @EventSourcingHandler
    void on(PolicyAcknowledgementReminded event) {
        remindersSent.merge(event.userId(), event.reminder(), Math::max);
    }
}
