package org.casetrail.disclosures.relationship.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.contracts.disclosures.DisclosureRule;
import org.casetrail.contracts.disclosures.FlagReason;
import org.casetrail.disclosures.relationship.api.AmendDisclosure;
import org.casetrail.disclosures.relationship.api.CaseLinked;
import org.casetrail.disclosures.relationship.api.CounterpartAges;
import org.casetrail.disclosures.relationship.api.DeclareRelationship;
import org.casetrail.disclosures.relationship.api.DisclosureAmended;
import org.casetrail.disclosures.relationship.api.DisclosureDecided;
import org.casetrail.disclosures.relationship.api.DisclosureFlagged;
import org.casetrail.disclosures.relationship.api.DisclosureReceipt;
import org.casetrail.disclosures.relationship.api.DisclosureReconfirmed;
import org.casetrail.disclosures.relationship.api.DisclosureReevaluated;
import org.casetrail.disclosures.relationship.api.DisclosureReviewed;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.DisclosureWithdrawn;
import org.casetrail.disclosures.relationship.api.LinkCase;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;
import org.casetrail.disclosures.relationship.api.RelationshipDeclared;
import org.casetrail.disclosures.relationship.api.ReconfirmDisclosure;
import org.casetrail.disclosures.relationship.api.ReconfirmationOverdueReported;
import org.casetrail.disclosures.relationship.api.ReconfirmationReminderSent;
import org.casetrail.disclosures.relationship.api.ReevaluateDisclosure;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.RemindReconfirmation;
import org.casetrail.disclosures.relationship.api.ReportReconfirmationOverdue;
import org.casetrail.disclosures.relationship.api.ReviewDisclosure;
import org.casetrail.disclosures.relationship.api.ReviewResult;
import org.casetrail.disclosures.relationship.api.WithdrawDisclosure;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A staff member's disclosure of one personal social-media relationship (domain.md, "Disclosures";
 * P8, P10), from declaration through amendments and review to withdrawal. Every version is decided
 * by {@link DisclosureDecisionTable} and the decision is an event of its own. Rules are checked
 * before anything is applied, so a refused command stores nothing.
 */
@Aggregate
class RelationshipDisclosure {

    static final Period RECONFIRMATION_PERIOD = DisclosureReconfirmed.PERIOD;

    @AggregateIdentifier
    private String disclosureId;
    private String schoolId;
    private String declarerId;
    private int version;
    private CounterpartType counterpartType;
    private DisclosureDecision decision;
    private DisclosureRule rule;
    private DisclosureState state;
    private int flaggedVersion;
    private Set<String> linkedCaseIds = new HashSet<>();
    private RelationshipDetails details;
    /** The version last re-evaluated on the counterpart's 18th birthday (0: none). */
    private int reevaluatedVersion;
    private LocalDate reconfirmationDueOn;
    /** The highest reminder sent for the current due day. */
    private int remindersSent;
    private LocalDate overdueReportedFor;

    RelationshipDisclosure() {
        // for Axon's event sourcing
    }

    /** Declared through {@link DisclosureIntake}, which answers with the decision. */
    RelationshipDisclosure(DeclareRelationship command, Clock clock) {
        requireComplete(command.details(), clock);
        Instant now = clock.instant();
        apply(new RelationshipDeclared(command.disclosureId(), command.schoolId(), command.declarerId(), 1,
                command.details(), now));
        // Events applied in a constructor reach the handlers only after it returns: pass values, read no fields.
        decide(command.disclosureId(), command.schoolId(), command.declarerId(), 1, command.details(), clock);
    }

    DisclosureReceipt receipt() {
        return new DisclosureReceipt(disclosureId, version, decision);
    }

    @CommandHandler
    DisclosureReceipt handle(AmendDisclosure command, Clock clock) {
        requireDeclarer(command.schoolId(), command.declarerId());
        requireNotWithdrawn("amended");
        requireComplete(command.details(), clock);
        int next = version + 1;
        apply(new DisclosureAmended(disclosureId, schoolId, declarerId, next, command.details(), clock.instant()));
        decide(disclosureId, schoolId, declarerId, next, command.details(), clock);
        return receipt();
    }

    @CommandHandler
    void handle(WithdrawDisclosure command, Clock clock) {
        requireDeclarer(command.schoolId(), command.declarerId());
        requireNotWithdrawn("withdrawn again");
        requireText(command.reason(), DisclosureRules.REASON_REQUIRED, "a withdrawal records its reason");
        apply(new DisclosureWithdrawn(disclosureId, schoolId, declarerId, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(ReviewDisclosure command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("disclosure " + disclosureId);
        }
        requireNotWithdrawn("reviewed");
        if (state == DisclosureState.RECORDED) {
            throw new StateConflict(state.name(), "a " + decision + " disclosure is recorded for transparency and "
                    + "needs no review; only PERMITTED_TRANSPARENT and PROHIBITED ones are reviewed");
        }
        if (state == DisclosureState.REVIEWED) {
            throw new StateConflict(state.name(), "version " + version + " of this disclosure has already been reviewed");
        }
        if (declarerId.equals(command.reviewerId())) {
            throw new DomainRuleViolation(DisclosureRules.REVIEWER_IS_NOT_DECLARER,
                    "a disclosure is reviewed by a senior leader other than the person who made it");
        }
        requireText(command.rationale(), DisclosureRules.RATIONALE_REQUIRED, "a review records its rationale");
        boolean hasConditions = command.conditions() != null && !command.conditions().isBlank();
        if (command.result() == ReviewResult.CONDITIONS_ATTACHED && !hasConditions) {
            throw new DomainRuleViolation(DisclosureRules.CONDITIONS_REQUIRED,
                    "CONDITIONS_ATTACHED needs the conditions in words");
        }
        if (command.result() != ReviewResult.CONDITIONS_ATTACHED && hasConditions) {
            throw new DomainRuleViolation(DisclosureRules.CONDITIONS_ONLY_WHEN_ATTACHED,
                    "conditions are given only with the result CONDITIONS_ATTACHED");
        }
        Instant now = clock.instant();
        apply(new DisclosureReviewed(disclosureId, schoolId, version, command.reviewerId(), command.result(),
                hasConditions ? command.conditions() : null, command.rationale(), now));
        // An escalation opens a case like a flag; a version already flagged as prohibited has one.
        if (command.result() == ReviewResult.ESCALATED && flaggedVersion != version) {
            apply(new DisclosureFlagged(disclosureId, schoolId, version, declarerId, counterpartType, decision, rule,
                    FlagReason.ESCALATED, now));
        }
    }

    /**
     * case-service opened a conduct case from a flag of this disclosure: the link back (domain.md,
     * "linked both ways"). A case already linked is not linked again, so a redelivery changes nothing.
     * Linked even once withdrawn: the case exists whatever became of the relationship.
     */
    @CommandHandler
    void handle(LinkCase command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("disclosure " + disclosureId);
        }
        requireText(command.caseId(), DisclosureRules.VALUE_REQUIRED, "the case is named");
        if (linkedCaseIds.contains(command.caseId())) {
            return;
        }
        apply(new CaseLinked(disclosureId, schoolId, command.version(), command.caseId(), command.caseReference(),
                clock.instant()));
    }

    /**
     * The counterpart turned 18 (domain.md: "re-evaluated on that day", a durable deadline): the
     * table decides the current version again on the school's day. Only an EX_STUDENT's decision can
     * change (a current student stays one at any age); the re-evaluation is recorded either way.
     * A command for a version no longer current, a withdrawn disclosure, a date of birth since
     * amended, or a version already re-evaluated changes nothing, so the watch may send it twice.
     */
    @CommandHandler
    void handle(ReevaluateDisclosure command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("disclosure " + disclosureId);
        }
        if (state == DisclosureState.WITHDRAWN || command.version() != version || reevaluatedVersion == version
                || details.counterpartDateOfBirth() == null || !isStudentLike(details.counterpartType())) {
            return;
        }
        LocalDate turns18 = CounterpartAges.turns18On(details.counterpartDateOfBirth());
        if (!turns18.equals(command.effectiveOn())) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(turns18)) {
            throw new StateConflict(state.name(), "the counterpart turns 18 on " + turns18 + ", not before");
        }
        DisclosureDecisionTable.Outcome outcome = DisclosureDecisionTable.decide(details, today);
        Instant now = clock.instant();
        apply(new DisclosureReevaluated(disclosureId, schoolId, version, declarerId, details.counterpartType(), decision,
                outcome.decision(), outcome.rule(), command.reason(), turns18, outcome.counterpartAge(), now));
        if (outcome.decision() != decision && outcome.decision() == DisclosureDecision.PROHIBITED
                && flaggedVersion != version) {
            // Not reachable with today's table (age only grows), kept so that the table alone decides.
            apply(new DisclosureFlagged(disclosureId, schoolId, version, declarerId, details.counterpartType(),
                    outcome.decision(), outcome.rule(), FlagReason.PROHIBITED, now));
        }
    }

    /** The declarer confirms the disclosure is still true; the next year starts today (school's day). */
    @CommandHandler
    void handle(ReconfirmDisclosure command, Clock clock) {
        requireDeclarer(command.schoolId(), command.declarerId());
        requireNotWithdrawn("re-confirmed");
        LocalDate today = LocalDate.now(clock);
        apply(new DisclosureReconfirmed(disclosureId, schoolId, declarerId, version, today,
                today.plus(RECONFIRMATION_PERIOD), clock.instant()));
    }

    /**
     * A reminder of the re-confirmation due on {@code dueOn}. Sent once per reminder number and due
     * day; not once the day has passed (the overdue report takes over) nor when the due day has moved.
     */
    @CommandHandler
    void handle(RemindReconfirmation command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("disclosure " + disclosureId);
        }
        if (state == DisclosureState.WITHDRAWN || !command.dueOn().equals(reconfirmationDueOn)
                || command.reminder() <= remindersSent || LocalDate.now(clock).isAfter(command.dueOn())) {
            return;
        }
        apply(new ReconfirmationReminderSent(disclosureId, schoolId, declarerId, command.dueOn(), command.reminder(),
                clock.instant()));
    }

    /** Not re-confirmed by {@code dueOn}: reported once, from the day after (re-confirming on the day is in time). */
    @CommandHandler
    void handle(ReportReconfirmationOverdue command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new NotFound("disclosure " + disclosureId);
        }
        if (state == DisclosureState.WITHDRAWN || !command.dueOn().equals(reconfirmationDueOn)
                || command.dueOn().equals(overdueReportedFor)) {
            return;
        }
        if (!LocalDate.now(clock).isAfter(command.dueOn())) {
            throw new StateConflict(state.name(), "re-confirmation is due on " + command.dueOn() + "; not yet overdue");
        }
        apply(new ReconfirmationOverdueReported(disclosureId, schoolId, declarerId, command.dueOn(), clock.instant()));
    }

    private static boolean isStudentLike(CounterpartType type) {
        return type == CounterpartType.STUDENT || type == CounterpartType.EX_STUDENT;
    }

    /** The age is taken on the school's calendar day: the clock carries the school's zone. */
    private static void decide(String disclosureId, String schoolId, String declarerId, int version,
                               RelationshipDetails details, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        DisclosureDecisionTable.Outcome outcome = DisclosureDecisionTable.decide(details, today);
        Instant now = clock.instant();
        apply(new DisclosureDecided(disclosureId, schoolId, version, outcome.decision(), outcome.rule(), today,
                outcome.counterpartAge(), now, declarerId, details.counterpartType(), today.plus(RECONFIRMATION_PERIOD)));
        if (outcome.decision() == DisclosureDecision.PROHIBITED) {
            // P8, P10: flagged at once; case-service opens the conduct case from the integration event.
            apply(new DisclosureFlagged(disclosureId, schoolId, version, declarerId, details.counterpartType(),
                    outcome.decision(), outcome.rule(), FlagReason.PROHIBITED, now));
        }
    }

    /** The web layer refuses these with 400 already; the aggregate keeps the rules whoever sends the command. */
    private static void requireComplete(RelationshipDetails details, Clock clock) {
        if (details == null || details.counterpartType() == null || details.basis() == null
                || details.counterpartName() == null || details.counterpartName().isBlank()
                || details.platforms().isEmpty()) {
            throw new DomainRuleViolation(DisclosureRules.DETAILS_COMPLETE,
                    "a disclosure names the counterpart, their type, the basis and at least one platform");
        }
        if (isStudentLike(details.counterpartType()) && details.counterpartDateOfBirth() == null) {
            throw new DomainRuleViolation(DisclosureRules.DATE_OF_BIRTH_REQUIRED_FOR_STUDENTS,
                    "a " + details.counterpartType() + " counterpart's date of birth decides the rules (P8)");
        }
        if (details.counterpartDateOfBirth() != null && details.counterpartDateOfBirth().isAfter(LocalDate.now(clock))) {
            throw new DomainRuleViolation(DisclosureRules.DATE_OF_BIRTH_NOT_IN_FUTURE,
                    "the counterpart's date of birth lies in the future");
        }
        if (details.basis() == RelationshipBasis.OTHER && (details.basisOther() == null || details.basisOther().isBlank())) {
            throw new DomainRuleViolation(DisclosureRules.BASIS_OTHER_NEEDS_TEXT, "basis OTHER needs basisOther in words");
        }
    }

    /** Someone else's disclosure, or another school's, does not exist for the caller. */
    private void requireDeclarer(String callerSchoolId, String callerId) {
        if (!schoolId.equals(callerSchoolId) || !declarerId.equals(callerId)) {
            throw new NotFound("disclosure " + disclosureId);
        }
    }

    private void requireNotWithdrawn(String what) {
        if (state == DisclosureState.WITHDRAWN) {
            throw new StateConflict(state.name(), "a withdrawn disclosure cannot be " + what);
        }
    }

    private static void requireText(String text, String rule, String message) {
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolation(rule, message);
        }
    }

    @EventSourcingHandler
    void on(RelationshipDeclared event) {
        disclosureId = event.disclosureId();
        schoolId = event.schoolId();
        declarerId = event.declarerId();
        version = event.version();
        counterpartType = event.details().counterpartType();
        details = event.details();
    }

    @EventSourcingHandler
    void on(DisclosureAmended event) {
        version = event.version();
        counterpartType = event.details().counterpartType();
        details = event.details();
    }

    @EventSourcingHandler
    void on(DisclosureDecided event) {
        decision = event.decision();
        rule = event.rule();
        state = DisclosureState.afterDecision(event.decision());
        startReconfirmationYear(event.reconfirmationDueOn() != null
                ? event.reconfirmationDueOn() : event.decidedOn().plus(RECONFIRMATION_PERIOD));
    }

    /** An unchanged decision leaves the state (a review stays valid); a changed one starts it afresh. */
    @EventSourcingHandler
    void on(DisclosureReevaluated event) {
        reevaluatedVersion = event.version();
        if (event.changed()) {
            decision = event.decision();
            rule = event.rule();
            state = DisclosureState.afterDecision(event.decision());
        }
    }

    @EventSourcingHandler
    void on(DisclosureReconfirmed event) {
        startReconfirmationYear(event.nextDueOn());
    }

    @EventSourcingHandler
    void on(ReconfirmationReminderSent event) {
        remindersSent = Math.max(remindersSent, event.reminder());
    }

    @EventSourcingHandler
    void on(ReconfirmationOverdueReported event) {
        overdueReportedFor = event.dueOn();
    }

    private void startReconfirmationYear(LocalDate dueOn) {
        reconfirmationDueOn = dueOn;
        remindersSent = 0;
    }

    @EventSourcingHandler
    void on(DisclosureReviewed event) {
        state = DisclosureState.REVIEWED;
    }

    @EventSourcingHandler
    void on(DisclosureFlagged event) {
        flaggedVersion = event.version();
    }

    @EventSourcingHandler
    void on(CaseLinked event) {
        linkedCaseIds.add(event.caseId());
    }

    @EventSourcingHandler
    void on(DisclosureWithdrawn event) {
        state = DisclosureState.WITHDRAWN;
    }
}
