package org.casetrail.disclosures.approach.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.approach.api.ApproachRecorded;
import org.casetrail.disclosures.approach.api.NoteRepeatedApproaches;
import org.casetrail.disclosures.approach.api.RecordApproach;
import org.casetrail.disclosures.approach.api.RepeatedApproachesNoted;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An approach from a student, ex-student or parent, with the professional response given and the
 * retained communication (domain.md, "Approach record"; P9).
 */
@Aggregate
class ApproachRecord {

    @AggregateIdentifier
    private String approachId;
    private String schoolId;
    private String recorderId;
    private CounterpartType counterpartType;
    private boolean repetitionNoted;

    ApproachRecord() {
        // for Axon's event sourcing
    }

    @CommandHandler
    ApproachRecord(RecordApproach command, Clock clock) {
        Instant now = clock.instant();
        if (command.counterpartType() != CounterpartType.STUDENT && command.counterpartType() != CounterpartType.EX_STUDENT
                && command.counterpartType() != CounterpartType.PARENT) {
            throw new DomainRuleViolation(ApproachRules.APPROACH_FROM_STUDENT_OR_PARENT,
                    "approach records are for approaches from students, ex-students and parents (P9)");
        }
        // P9: the rejection is given, professional in tone, and the communication kept.
        requireText(command.response(), ApproachRules.RESPONSE_REQUIRED, "the professional response given is recorded (P9)");
        requireText(command.retainedCommunicationRef(), ApproachRules.RETAINED_COMMUNICATION_REQUIRED,
                "the communication is retained and referenced (P9)");
        if (command.occurredAt() == null || command.occurredAt().isAfter(now)) {
            throw new DomainRuleViolation(ApproachRules.OCCURRED_NOT_IN_FUTURE, "occurredAt lies in the future");
        }
        apply(new ApproachRecorded(command.approachId(), command.schoolId(), command.recorderId(),
                command.counterpartType(), command.counterpartName(), command.platform(), command.occurredAt(),
                command.response(), command.retainedCommunicationRef(), command.reportedToSeniorLeader(), now));
    }

    /** Noted once: the DSL hears of this approach's run once, whoever sends it again. */
    @CommandHandler
    void handle(NoteRepeatedApproaches command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("approach " + approachId);
        }
        if (repetitionNoted) {
            return;
        }
        apply(new RepeatedApproachesNoted(approachId, schoolId, recorderId, counterpartType, command.approachesInWindow(),
                command.windowDays(), command.firstOccurredAt(), command.lastOccurredAt(), clock.instant()));
    }

    private static void requireText(String text, String rule, String message) {
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolation(rule, message);
        }
    }

    @EventSourcingHandler
    void on(ApproachRecorded event) {
        approachId = event.approachId();
        schoolId = event.schoolId();
        recorderId = event.recorderId();
        counterpartType = event.counterpartType();
    }

    @EventSourcingHandler
    void on(RepeatedApproachesNoted event) {
        repetitionNoted = true;
    }
}
