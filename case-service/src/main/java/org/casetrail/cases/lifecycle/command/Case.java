package org.casetrail.cases.lifecycle.command;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.ConcernReceipt;
import org.casetrail.cases.lifecycle.api.ConcernReported;
import org.casetrail.cases.lifecycle.api.ReportConcern;
import org.casetrail.cases.lifecycle.api.Subject;
import org.casetrail.cases.lifecycle.api.SubjectType;
import org.casetrail.cases.reference.CaseReferences;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.domain.DomainRuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A case, from the concern that opened it to its closure (domain.md, "The case"). Every rule is
 * checked here, before any event is applied, so a refused command stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "caseSnapshotTrigger")
class Case {

    @AggregateIdentifier
    private String caseId;
    private String schoolId;
    private String reporterId;
    private CaseCategory category;
    private boolean safeguarding;
    private CaseStatus status;
    private String reference;

    Case() {
        // for Axon's event sourcing
    }

    /** Opened by {@link ConcernIntake}, which needs the new case's reference back for the reporter. */
    Case(ReportConcern command, CaseReferences references, Clock clock) {
        Instant submittedAt = clock.instant();
        boolean safeguarding = safeguardingOf(command);
        requireSubjectIdentifiable(command.subject());
        if (command.occurredAt() != null && command.occurredAt().isAfter(submittedAt)) {
            throw new DomainRuleViolation(CaseRules.OCCURRED_NOT_IN_FUTURE,
                    "occurredAt lies in the future; a concern reports what has happened");
        }
        if (command.subject() != null && command.reporterId().equals(command.subject().userId())) {
            throw new DomainRuleViolation(CaseRules.REPORTER_IS_NOT_SUBJECT,
                    "the reporter cannot be the subject of their own report; raise it with the Principal or HR");
        }
        // Allocated last: a refused report must not consume a reference.
        String reference = references.next(command.schoolId(), Year.now(clock));
        apply(new ConcernReported(command.caseId(), command.schoolId(), reference, command.reporterId(),
                command.category(), command.summary(), command.details(), command.occurredAt(), command.platform(),
                command.subject(), safeguarding, submittedAt));
    }

    /**
     * P6: a SAFEGUARDING case is always safeguarding; a STAFF_CONDUCT case may carry the aspect
     * (an allegation that a staff member harmed a child). Other categories cannot: a concern for a
     * child belongs in SAFEGUARDING, where the DSL is told at once.
     */
    private static boolean safeguardingOf(ReportConcern command) {
        return switch (command.category()) {
            case SAFEGUARDING -> true;
            case STAFF_CONDUCT -> command.safeguarding();
            case ABUSE_OF_STAFF, POLICY_QUERY -> {
                if (command.safeguarding()) {
                    throw new DomainRuleViolation(CaseRules.SAFEGUARDING_ONLY_ON_SAFEGUARDING_OR_CONDUCT,
                            "a " + command.category() + " concern cannot be flagged safeguarding; "
                                    + "report a child at risk as SAFEGUARDING");
                }
                yield false;
            }
        };
    }

    private static void requireSubjectIdentifiable(Subject subject) {
        if (subject == null || subject.type() == SubjectType.UNKNOWN) {
            return;
        }
        boolean named = subject.name() != null && !subject.name().isBlank();
        boolean identified = subject.userId() != null && !subject.userId().isBlank();
        if (!named && !identified) {
            throw new DomainRuleViolation(CaseRules.SUBJECT_IDENTIFIABLE,
                    "a " + subject.type() + " subject needs a userId or a name; use UNKNOWN when neither is known");
        }
    }

    ConcernReceipt receipt() {
        return new ConcernReceipt(caseId, reference, status);
    }

    @EventSourcingHandler
    void on(ConcernReported event) {
        caseId = event.caseId();
        schoolId = event.schoolId();
        reporterId = event.reporterId();
        category = event.category();
        safeguarding = event.safeguarding();
        reference = event.reference();
        status = CaseStatus.REPORTED;
    }
}
