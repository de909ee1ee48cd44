package org.casetrail.cases.lifecycle.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.cases.reference.CaseReferences;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A case, from the concern that opened it to its closure (domain.md, "The case"). Every rule is
 * checked here, before any event is applied, so a refused command stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "caseSnapshotTrigger")
// Snapshots are written by Jackson: it must see the fields, not guess at getters.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
class Case {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    @AggregateIdentifier
    private String caseId;
    private String schoolId;
    private String reporterId;
    private CaseCategory category;
    private boolean safeguarding;
    private CaseStatus status;
    private String reference;
    private SubjectType subjectType;
    private String subjectUserId;

    private boolean acknowledged;
    private TriageRoute route;
    private boolean supportOffered;
    private ReferralDecision referralDecision;
    private String investigatorId;
    private boolean breachFound;
    private boolean grossMisconduct;
    private String hearingDecisionMakerId;
    private boolean hearingHeld;
    private DisciplinaryOutcome outcome;
    private String outcomeDecidedBy;
    private Instant appealWindowClosesAt;
    private String appealDeciderId;
    private CaseResolution resolution;

    // deadlines: when each clock started, and what was already recorded against it
    private Instant triageClockStartedAt;
    private Instant investigationClockStartedAt;
    private Instant outcomeDecidedAt;
    private int acknowledgementEscalations;
    private boolean triageOverdue;
    private boolean policyQueryOverdue;
    private boolean investigationOverdue;

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


    /**
     * P8, P10: a flagged disclosure opens a STAFF_CONDUCT case about its declarer, reported by the
     * system. The case id is derived from the disclosure version, so a redelivered flag loads the
     * case it opened and changes nothing. No counterpart name or description: they stay in
     * disclosure-service.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenCaseFromDisclosure command, CaseReferences references, Clock clock) {
        if (caseId != null) {
            return; // opened by an earlier delivery of the same flag
        }
        requireText(command.schoolId(), CaseRules.VALUE_REQUIRED, "the school is named");
        requireText(command.disclosureId(), CaseRules.VALUE_REQUIRED, "the disclosure is named");
        requireText(command.declarerId(), CaseRules.VALUE_REQUIRED, "the declarer is named");
        requireText(command.reporterId(), CaseRules.VALUE_REQUIRED, "the reporter is named");
        if (!BreachClauses.KNOWN.contains(command.clause())) {
            throw new DomainRuleViolation(CaseRules.UNKNOWN_BREACH_CLAUSE,
                    "unknown policy clause " + command.clause() + " on a flagged disclosure");
        }
        Instant openedAt = clock.instant();
        String reason = command.reason() == null ? "PROHIBITED" : command.reason();
        String summary = "Relationship disclosure flagged (" + reason + ") under policy clause " + command.clause();
        String details = "Disclosure " + command.disclosureId() + ", version " + command.version() + ", was flagged ("
                + reason + ") under policy clause " + command.clause() + ". The case was opened automatically; "
                + "the disclosure itself is held by the disclosure service.";
        String reference = references.next(command.schoolId(), Year.now(clock));
        apply(new ConcernReported(command.caseId(), command.schoolId(), reference, command.reporterId(),
                CaseCategory.STAFF_CONDUCT, summary, details, null, null,
                new Subject(SubjectType.STAFF, command.declarerId(), null), false, openedAt));
        apply(new CaseOpenedFromDisclosure(command.caseId(), command.schoolId(), reference, command.disclosureId(),
                command.version(), command.declarerId(), command.clause(), reason, openedAt));
    }

    // ---------------------------------------------------------------- safeguarding and triage

    @CommandHandler
    void handle(AcknowledgeSafeguarding command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.DSL));
        requireOpen();
        if (!safeguarding) {
            throw new DomainRuleViolation(CaseRules.ACKNOWLEDGE_ONLY_SAFEGUARDING_CASES,
                    "only a safeguarding case is acknowledged by the DSL");
        }
        if (acknowledged) {
            throw conflict("the DSL has already acknowledged this case");
        }
        apply(new SafeguardingAcknowledged(caseId, schoolId, command.note(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(TriageCase command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || (has(command, Role.DSL) && safeguarding));
        // A reopened case is TRIAGED without a route: it is triaged again.
        if (!(status == CaseStatus.REPORTED || (status == CaseStatus.TRIAGED && route == null))) {
            throw conflict("only a reported or reopened case is triaged");
        }
        requireValue(command.route(), "route");
        requireValue(command.severity(), "severity");
        requireText(command.rationale(), CaseRules.RATIONALE_REQUIRED, "triage records its rationale");
        if (command.route() == TriageRoute.SUPPORT && category != CaseCategory.ABUSE_OF_STAFF) {
            throw new DomainRuleViolation(CaseRules.SUPPORT_ROUTE_ONLY_FOR_ABUSE_OF_STAFF,
                    "the SUPPORT route is for ABUSE_OF_STAFF cases (P14)");
        }
        if (command.route() == TriageRoute.SAFEGUARDING && !safeguarding) {
            throw new DomainRuleViolation(CaseRules.SAFEGUARDING_ROUTE_ONLY_FOR_SAFEGUARDING_CASES,
                    "the SAFEGUARDING route is for safeguarding cases (P6)");
        }
        apply(new CaseTriaged(caseId, schoolId, command.route(), command.severity(), command.rationale(),
                command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordReferralDecision command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.DSL) && safeguarding);
        if (status != CaseStatus.TRIAGED || route != TriageRoute.SAFEGUARDING || referralDecision != null) {
            throw conflict("a referral decision is recorded once, on a case triaged to the SAFEGUARDING route");
        }
        requireValue(command.decision(), "decision");
        requireText(command.agency(), CaseRules.VALUE_REQUIRED, "the agency is named");
        requireText(command.rationale(), CaseRules.RATIONALE_REQUIRED, "a referral decision records its rationale");
        apply(new ReferralDecisionRecorded(caseId, schoolId, command.agency(), command.reference(), command.decision(),
                command.rationale(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(OfferSupport command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || has(command, Role.HR));
        if (status != CaseStatus.TRIAGED || route != TriageRoute.SUPPORT) {
            throw conflict("support is offered on a case triaged to the SUPPORT route");
        }
        requireText(command.offeredTo(), CaseRules.VALUE_REQUIRED, "support is offered to someone");
        requireText(command.description(), CaseRules.DESCRIPTION_REQUIRED, "the support offered is described");
        apply(new SupportOffered(caseId, schoolId, command.offeredTo(), command.description(), command.actorId(),
                clock.instant()));
    }

    // ---------------------------------------------------------------- investigation

    @CommandHandler
    void handle(AssignInvestigator command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || has(command, Role.HR));
        boolean assignable = status == CaseStatus.INVESTIGATING
                || (status == CaseStatus.TRIAGED
                && (route == TriageRoute.INVESTIGATION || route == TriageRoute.SAFEGUARDING));
        if (!assignable) {
            throw conflict("an investigator is assigned to a case triaged for investigation (or to reassign one)");
        }
        if (status == CaseStatus.TRIAGED && route == TriageRoute.SAFEGUARDING && referralDecision == null) {
            throw new DomainRuleViolation(CaseRules.REFERRAL_DECISION_BEFORE_INVESTIGATION,
                    "the DSL records the referral decision before a safeguarding case is investigated");
        }
        requireText(command.investigatorId(), CaseRules.VALUE_REQUIRED, "the investigator is named");
        if (command.investigatorId().equals(reporterId) || command.investigatorId().equals(subjectUserId)) {
            throw new DomainRuleViolation(CaseRules.INVESTIGATOR_IS_NOT_REPORTER_OR_SUBJECT,
                    "the investigator can be neither the reporter nor the subject of the case");
        }
        apply(new InvestigatorAssigned(caseId, schoolId, command.investigatorId(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(SuspendPrecautionarily command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || has(command, Role.HR));
        requireStatus(CaseStatus.INVESTIGATING, "a precautionary suspension is recorded during the investigation");
        requireText(command.reason(), CaseRules.REASON_REQUIRED, "a suspension records its reason");
        requireValue(command.from(), "from");
        if (subjectType != SubjectType.STAFF || subjectUserId == null) {
            throw new DomainRuleViolation(CaseRules.SUSPENSION_NEEDS_STAFF_SUBJECT,
                    "only an identified staff member who is the subject can be suspended");
        }
        if (command.until() != null && command.until().isBefore(command.from())) {
            throw new DomainRuleViolation(CaseRules.SUSPENSION_ENDS_AFTER_IT_STARTS, "until lies before from");
        }
        apply(new SubjectSuspendedPrecautionarily(caseId, schoolId, subjectUserId, command.reason(), command.from(),
                command.until(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(AddEvidence command, Clock clock) {
        requireCanSee(command);
        requireActor(command, isInvestigator(command) || has(command, Role.HR));
        requireStatus(CaseStatus.INVESTIGATING, "evidence is added during the investigation");
        requireText(command.evidenceId(), CaseRules.VALUE_REQUIRED, "evidence has an id");
        requireText(command.kind(), CaseRules.VALUE_REQUIRED, "the kind of evidence is named");
        requireText(command.description(), CaseRules.DESCRIPTION_REQUIRED, "evidence is described");
        if (command.sha256() != null && !SHA256.matcher(command.sha256()).matches()) {
            throw new DomainRuleViolation(CaseRules.EVIDENCE_SHA256_FORMAT, "sha256 is 64 hexadecimal digits");
        }
        apply(new EvidenceAdded(caseId, schoolId, command.evidenceId(), command.kind(), command.description(),
                command.reference(), command.sha256() == null ? null : command.sha256().toLowerCase(),
                command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordInterview command, Clock clock) {
        requireCanSee(command);
        requireActor(command, isInvestigator(command) || has(command, Role.HR));
        requireStatus(CaseStatus.INVESTIGATING, "interviews are recorded during the investigation");
        requireText(command.interviewId(), CaseRules.VALUE_REQUIRED, "an interview has an id");
        if (isBlank(command.intervieweeId()) && isBlank(command.intervieweeName())) {
            throw new DomainRuleViolation(CaseRules.INTERVIEWEE_IDENTIFIED, "name the interviewee by id or name");
        }
        requireValue(command.heldAt(), "heldAt");
        requireNotInFuture(command.heldAt(), clock, "an interview is recorded once it was held");
        requireText(command.summary(), CaseRules.DESCRIPTION_REQUIRED, "an interview records its summary");
        apply(new InterviewRecorded(caseId, schoolId, command.interviewId(), command.intervieweeId(),
                command.intervieweeName(), command.heldAt(), command.summary(), command.accompaniedBy(),
                command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordFindings command, Clock clock) {
        requireCanSee(command);
        requireActor(command, isInvestigator(command) || has(command, Role.HR));
        requireStatus(CaseStatus.INVESTIGATING, "findings close the investigation");
        requireText(command.summary(), CaseRules.DESCRIPTION_REQUIRED, "findings record their summary");
        List<String> clauses = command.breachedClauses() == null ? List.of() : List.copyOf(command.breachedClauses());
        for (String clause : clauses) {
            if (!BreachClauses.KNOWN.contains(clause)) {
                throw new DomainRuleViolation(CaseRules.UNKNOWN_BREACH_CLAUSE,
                        "'" + clause + "' is not a policy clause code; use one of " + BreachClauses.KNOWN);
            }
        }
        if (command.breachFound() && clauses.isEmpty()) {
            throw new DomainRuleViolation(CaseRules.BREACH_NAMES_A_CLAUSE,
                    "a finding of breach names at least one breached clause");
        }
        if (!command.breachFound() && !clauses.isEmpty()) {
            throw new DomainRuleViolation(CaseRules.NO_CLAUSES_WITHOUT_BREACH,
                    "breached clauses are named only when a breach is found");
        }
        if (command.grossMisconduct()) {
            if (!command.breachFound()) {
                throw new DomainRuleViolation(CaseRules.GROSS_MISCONDUCT_NEEDS_BREACH,
                        "gross misconduct is a breach; record breachFound");
            }
            if (command.grossMisconductReason() == null) {
                throw new DomainRuleViolation(CaseRules.GROSS_MISCONDUCT_NAMES_REASON,
                        "a gross misconduct finding names its reason (P12)");
            }
            if (command.grossMisconductReason() == GrossMisconductReason.OTHER
                    && isBlank(command.grossMisconductReasonText())) {
                throw new DomainRuleViolation(CaseRules.OTHER_REASON_NEEDS_TEXT,
                        "a gross misconduct reason OTHER is described in grossMisconductReasonText");
            }
        }
        boolean gross = command.grossMisconduct();
        apply(new FindingsRecorded(caseId, schoolId, command.breachFound(), clauses, gross,
                gross ? command.grossMisconductReason() : null, gross ? command.grossMisconductReasonText() : null,
                command.summary(), command.actorId(), clock.instant()));
    }

    // ---------------------------------------------------------------- after the findings

    @CommandHandler
    void handle(TakeInformalAction command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.HR) || has(command, Role.PRINCIPAL));
        requireStatus(CaseStatus.FINDINGS_RECORDED, "informal action follows the findings");
        requireBreachFound("informal action deals with a breach found");
        requireValue(command.action(), "action");
        requireText(command.description(), CaseRules.DESCRIPTION_REQUIRED, "the informal action is described");
        apply(new InformalActionTaken(caseId, schoolId, command.action(), command.description(), command.actorId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(ScheduleHearing command, Clock clock, CaseProperties properties) {
        requireCanSee(command);
        requireActor(command, has(command, Role.HR));
        if (status != CaseStatus.FINDINGS_RECORDED && !(status == CaseStatus.HEARING_SCHEDULED && !hearingHeld)) {
            throw conflict("a hearing is scheduled (or rescheduled) after findings and before it is held");
        }
        requireBreachFound("a disciplinary hearing deals with a breach found");
        requireValue(command.scheduledFor(), "scheduledFor");
        requireValue(command.noticeGivenAt(), "noticeGivenAt");
        requireText(command.decisionMakerId(), CaseRules.VALUE_REQUIRED, "the hearing's decision maker is named");
        Instant now = clock.instant();
        requireNotInFuture(command.noticeGivenAt(), clock, "written notice is recorded once given");
        if (!command.scheduledFor().isAfter(now)) {
            throw new DomainRuleViolation(CaseRules.HEARING_IN_FUTURE, "a hearing is scheduled in the future");
        }
        int minNoticeDays = properties.hearing().minNoticeDays();
        LocalDate noticeDay = LocalDate.ofInstant(command.noticeGivenAt(), clock.getZone());
        LocalDate hearingDay = LocalDate.ofInstant(command.scheduledFor(), clock.getZone());
        if (WorkingDays.after(noticeDay, hearingDay) < minNoticeDays) {
            throw new DomainRuleViolation(CaseRules.HEARING_MIN_NOTICE, "written notice is given at least "
                    + minNoticeDays + " working days (Mon-Fri) before the hearing");
        }
        if (command.decisionMakerId().equals(subjectUserId)) {
            throw new DomainRuleViolation(CaseRules.DECISION_MAKER_IS_NOT_SUBJECT,
                    "the subject cannot decide their own hearing");
        }
        // ACAS: different people where practicable; when not, the reason is on record.
        if (command.decisionMakerId().equals(investigatorId) && isBlank(command.decisionMakerOverrideReason())) {
            throw new DomainRuleViolation(CaseRules.DECISION_MAKER_IS_NOT_INVESTIGATOR,
                    "the investigator decides the hearing only with a recorded decisionMakerOverrideReason");
        }
        String overrideReason = command.decisionMakerId().equals(investigatorId)
                ? command.decisionMakerOverrideReason() : null;
        apply(new HearingScheduled(caseId, schoolId, command.scheduledFor(), command.noticeGivenAt(),
                command.decisionMakerId(), overrideReason, command.companionAllowed(), command.actorId(), now));
    }

    @CommandHandler
    void handle(RecordHearingHeld command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.HR) || has(command, Role.PRINCIPAL));
        if (status != CaseStatus.HEARING_SCHEDULED || hearingHeld) {
            throw conflict("a scheduled hearing is recorded as held once");
        }
        requireValue(command.heldAt(), "heldAt");
        requireNotInFuture(command.heldAt(), clock, "a hearing is recorded once held");
        String companion = isBlank(command.accompaniedBy()) ? null : command.accompaniedBy();
        apply(new HearingHeld(caseId, schoolId, command.heldAt(), companion != null, companion, command.notes(),
                command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(DecideOutcome command, Clock clock, CaseProperties properties) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || command.actorId().equals(hearingDecisionMakerId));
        requireStatus(CaseStatus.HEARING_SCHEDULED, "an outcome is decided at a hearing");
        requireValue(command.outcome(), "outcome");
        requireText(command.rationale(), CaseRules.RATIONALE_REQUIRED, "an outcome records its rationale");
        requireSummaryDismissalAllowed(command.outcome());
        // The PRINCIPAL may decide in place of the named decision maker, but not if they investigated,
        // unless the hearing recorded why the investigator decides (ACAS).
        if (command.actorId().equals(investigatorId) && !command.actorId().equals(hearingDecisionMakerId)) {
            throw new DomainRuleViolation(CaseRules.DECISION_MAKER_IS_NOT_INVESTIGATOR,
                    "the investigator cannot decide the outcome of the case they investigated");
        }
        if (!hearingHeld) {
            throw new DomainRuleViolation(CaseRules.HEARING_HELD_BEFORE_OUTCOME,
                    "an outcome is decided only once the hearing was held");
        }
        Instant now = clock.instant();
        apply(new OutcomeDecided(caseId, schoolId, command.outcome(), command.rationale(), command.actorId(), now,
                now.plus(Duration.ofDays(properties.appeal().windowDays()))));
    }

    // ---------------------------------------------------------------- appeal

    @CommandHandler
    void handle(LodgeAppeal command, Clock clock) {
        requireSchool(command);
        // The subject never sees the case, yet the appeal is theirs to lodge.
        if (!isSubject(command.actorId())) {
            requireCanSee(command);
            requireActor(command, has(command, Role.HR));
        }
        requireStatus(CaseStatus.OUTCOME_DECIDED, "an appeal is lodged against a decided outcome");
        requireText(command.grounds(), CaseRules.REASON_REQUIRED, "an appeal states its grounds");
        requireText(command.appealDeciderId(), CaseRules.VALUE_REQUIRED, "the appeal decider is named");
        if (clock.instant().isAfter(appealWindowClosesAt)) {
            throw new DomainRuleViolation(CaseRules.APPEAL_WINDOW_CLOSED,
                    "the appeal window closed at " + appealWindowClosesAt);
        }
        if (command.appealDeciderId().equals(outcomeDecidedBy)) {
            throw new DomainRuleViolation(CaseRules.APPEAL_DECIDER_IS_NOT_OUTCOME_DECIDER,
                    "the person who decided the outcome cannot decide the appeal");
        }
        if (command.appealDeciderId().equals(subjectUserId)) {
            throw new DomainRuleViolation(CaseRules.APPEAL_DECIDER_IS_NOT_SUBJECT,
                    "the subject cannot decide their own appeal");
        }
        apply(new AppealLodged(caseId, schoolId, command.grounds(), command.appealDeciderId(), command.actorId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(DecideAppeal command, Clock clock) {
        requireCanSee(command);
        // api.md: the named appeal decider, acting as PRINCIPAL or GOVERNOR
        requireActor(command, command.actorId().equals(appealDeciderId)
                && (has(command, Role.PRINCIPAL) || has(command, Role.GOVERNOR)));
        requireStatus(CaseStatus.APPEAL_LODGED, "an appeal is decided once lodged");
        requireValue(command.decision(), "decision");
        requireText(command.rationale(), CaseRules.RATIONALE_REQUIRED, "an appeal decision records its rationale");
        if (command.decision() == AppealDecision.VARIED) {
            if (command.variedOutcome() == null) {
                throw new DomainRuleViolation(CaseRules.VARIED_NEEDS_OUTCOME, "a VARIED decision names the new outcome");
            }
            requireSummaryDismissalAllowed(command.variedOutcome());
        } else if (command.variedOutcome() != null) {
            throw new DomainRuleViolation(CaseRules.VARIED_OUTCOME_ONLY_WHEN_VARIED,
                    "variedOutcome is given only with the decision VARIED");
        }
        apply(new AppealDecided(caseId, schoolId, command.decision(), command.variedOutcome(), command.rationale(),
                command.actorId(), clock.instant()));
    }

    // ---------------------------------------------------------------- closing, reopening, withdrawing, notes

    @CommandHandler
    void handle(CloseCase command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL) || (has(command, Role.DSL) && safeguarding));
        CaseResolution closing = closingResolution(clock.instant());
        requireText(command.rationale(), CaseRules.RATIONALE_REQUIRED, "closing a case records its rationale");
        apply(new CaseClosed(caseId, schoolId, closing, command.rationale(), command.actorId(), clock.instant()));
    }

    /** Where the route allows closing, how the case is resolved; otherwise the state or rule that forbids it. */
    private CaseResolution closingResolution(Instant now) {
        if (status == CaseStatus.TRIAGED && route != null) {
            switch (route) {
                case NO_FURTHER_ACTION:
                    return CaseResolution.NO_FURTHER_ACTION;
                case SUPPORT:
                    if (!supportOffered) {
                        throw new DomainRuleViolation(CaseRules.SUPPORT_OFFER_BEFORE_CLOSING,
                                "a recorded support offer is required before closing (P14)");
                    }
                    return CaseResolution.SUPPORT_OFFERED;
                case SAFEGUARDING:
                    if (referralDecision == null) {
                        throw new DomainRuleViolation(CaseRules.REFERRAL_DECISION_BEFORE_CLOSING,
                                "the referral decision is recorded before closing (P6)");
                    }
                    return CaseResolution.REFERRAL_DECIDED;
                default:
                    throw conflict("a case triaged for investigation is closed through its findings");
            }
        }
        if (status == CaseStatus.FINDINGS_RECORDED && !breachFound) {
            return CaseResolution.NO_CASE_TO_ANSWER;
        }
        if (status == CaseStatus.OUTCOME_DECIDED) {
            if (!now.isAfter(appealWindowClosesAt)) {
                throw new DomainRuleViolation(CaseRules.APPEAL_WINDOW_STILL_OPEN,
                        "the appeal window is open until " + appealWindowClosesAt);
            }
            return CaseResolution.APPEAL_WINDOW_EXPIRED;
        }
        throw conflict("the case cannot be closed in this state");
    }

    @CommandHandler
    void handle(ReopenCase command, Clock clock) {
        requireCanSee(command);
        requireActor(command, has(command, Role.PRINCIPAL));
        requireStatus(CaseStatus.CLOSED, "only a closed case is reopened");
        requireText(command.reason(), CaseRules.REASON_REQUIRED, "reopening records its reason");
        apply(new CaseReopened(caseId, schoolId, command.reason(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawConcern command, Clock clock) {
        requireSchool(command);
        requireActor(command, command.actorId().equals(reporterId));
        requireOpen();
        requireText(command.reason(), CaseRules.REASON_REQUIRED, "a withdrawal records its reason");
        apply(new ConcernWithdrawn(caseId, schoolId, command.reason(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(AddNote command, Clock clock) {
        requireCanSee(command);
        requireText(command.noteId(), CaseRules.VALUE_REQUIRED, "a note has an id");
        requireText(command.text(), CaseRules.DESCRIPTION_REQUIRED, "a note has a text");
        apply(new NoteAdded(caseId, schoolId, command.noteId(), command.text(), command.actorId(), clock.instant()));
    }

    // ---------------------------------------------------------------- deadlines (domain.md, "Deadlines")

    /**
     * A clock ran out, says the deadline watch. A deadline that no longer applies is ignored, not
     * refused: the watch sends again after a crash, and may send after the clock was stopped or
     * replaced by a newer one. Only a deadline not yet due is refused, so that it is sent again later.
     */
    @CommandHandler
    void handle(RecordDeadlineMissed command, Clock clock) {
        if (command.schoolId() == null || !command.schoolId().equals(schoolId)) {
            throw new NotFound("case " + command.caseId());
        }
        requireValue(command.kind(), "kind");
        requireValue(command.dueAt(), "dueAt");
        Instant now = clock.instant();
        if (now.isBefore(command.dueAt())) {
            throw new DomainRuleViolation(CaseRules.DEADLINE_NOT_DUE, "the deadline is due at " + command.dueAt());
        }
        switch (command.kind()) {
            case ACKNOWLEDGEMENT_FIRST_ESCALATION:
                escalateAcknowledgement(1, command.dueAt(), now);
                break;
            case ACKNOWLEDGEMENT_SECOND_ESCALATION:
                escalateAcknowledgement(2, command.dueAt(), now);
                break;
            case TRIAGE:
                if (awaitingTriage() && !triageOverdue && !replaced(command.startedAt(), triageClockStartedAt)) {
                    apply(new TriageOverdue(caseId, schoolId, command.dueAt(), now));
                }
                break;
            case POLICY_QUERY_ANSWER:
                // answered = triaged or closed; a reopened query is watched by the triage clock
                if (category == CaseCategory.POLICY_QUERY && status == CaseStatus.REPORTED && !policyQueryOverdue) {
                    apply(new PolicyQueryOverdue(caseId, schoolId, command.dueAt(), now));
                }
                break;
            case INVESTIGATION:
                if (status == CaseStatus.INVESTIGATING && !investigationOverdue
                        && !replaced(command.startedAt(), investigationClockStartedAt)) {
                    apply(new InvestigationOverdue(caseId, schoolId, investigatorId, command.dueAt(), now));
                }
                break;
            case APPEAL_WINDOW:
                closeForExpiredAppealWindow(command.startedAt(), now);
                break;
            default:
                throw new IllegalStateException("unknown deadline " + command.kind());
        }
    }

    /** P6: to the Principal while the DSL has not acknowledged; at most once per level, twice in all. */
    private void escalateAcknowledgement(int level, Instant dueAt, Instant now) {
        if (safeguarding && !acknowledged && status != CaseStatus.CLOSED && acknowledgementEscalations < level) {
            apply(new SafeguardingAcknowledgementEscalated(caseId, schoolId, level, dueAt, now));
        }
    }

    private void closeForExpiredAppealWindow(Instant startedAt, Instant now) {
        if (status != CaseStatus.OUTCOME_DECIDED || appealWindowClosesAt == null || replaced(startedAt, outcomeDecidedAt)) {
            return; // an appeal was lodged, or the case moved on
        }
        if (!now.isAfter(appealWindowClosesAt)) {
            throw new DomainRuleViolation(CaseRules.APPEAL_WINDOW_STILL_OPEN,
                    "the appeal window is open until " + appealWindowClosesAt);
        }
        apply(new CaseClosed(caseId, schoolId, CaseResolution.APPEAL_WINDOW_EXPIRED,
                "the appeal window closed at " + appealWindowClosesAt + " without an appeal",
                Actor.system("deadlines").userId(), now));
    }

    private boolean awaitingTriage() {
        return status == CaseStatus.REPORTED || (status == CaseStatus.TRIAGED && route == null);
    }

    /** The command's clock started before the case's current one (a reopening, a new assignment): stale. */
    private static boolean replaced(Instant commandClockStart, Instant currentClockStart) {
        // null: a snapshot from before deadlines were tracked; nothing to compare with
        return commandClockStart != null && currentClockStart != null && commandClockStart.isBefore(currentClockStart);
    }

    // ---------------------------------------------------------------- who may, and in which state

    /** Another school's case does not exist for the caller. */
    private void requireSchool(CaseCommand command) {
        if (command.schoolId() == null || !command.schoolId().equals(schoolId) || command.actorId() == null) {
            throw new NotFound("case " + command.caseId());
        }
    }

    /**
     * Who may see a case at all (domain.md, roles and conflict-of-interest rules); to anyone else it
     * does not exist (404). The subject never sees it, whatever roles they hold.
     */
    private void requireCanSee(CaseCommand command) {
        requireSchool(command);
        List<String> named = new ArrayList<>();
        for (String id : new String[] {investigatorId, hearingDecisionMakerId, appealDeciderId}) {
            if (id != null) {
                named.add(id);
            }
        }
        if (!CaseAccess.maySee(command.actorId(), command.actorRoles(), category, safeguarding, subjectUserId, named)) {
            throw new NotFound("case " + command.caseId());
        }
    }

    /** A per-case permission (assigned investigator, named decider, reporter): not met means 404. */
    private void requireActor(CaseCommand command, boolean allowed) {
        if (!allowed) {
            throw new NotFound("case " + command.caseId());
        }
    }

    private static boolean has(CaseCommand command, Role role) {
        Set<Role> roles = command.actorRoles();
        return roles != null && roles.contains(role);
    }

    private boolean isInvestigator(CaseCommand command) {
        return command.actorId().equals(investigatorId);
    }

    private boolean isSubject(String userId) {
        return subjectUserId != null && subjectUserId.equals(userId);
    }

    private void requireStatus(CaseStatus wanted, String why) {
        if (status != wanted) {
            throw conflict(why);
        }
    }

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw conflict("the case is closed");
        }
    }

    private StateConflict conflict(String why) {
        String state = status.name();
        String detail = route != null && status == CaseStatus.TRIAGED ? state + " (route " + route + ")" : state;
        return new StateConflict(state, "not allowed while the case is " + detail + ": " + why);
    }

    private void requireBreachFound(String why) {
        if (!breachFound) {
            throw new DomainRuleViolation(CaseRules.ACTION_NEEDS_BREACH_FOUND, why + "; the findings found none");
        }
    }

    /** P12: summary dismissal only after a gross-misconduct finding (and a hearing, checked by the caller). */
    private void requireSummaryDismissalAllowed(DisciplinaryOutcome outcome) {
        if (outcome == DisciplinaryOutcome.SUMMARY_DISMISSAL && !grossMisconduct) {
            throw new DomainRuleViolation(CaseRules.SUMMARY_DISMISSAL_NEEDS_GROSS_MISCONDUCT_FINDING,
                    "summary dismissal needs findings of gross misconduct (P12)");
        }
    }

    private static void requireNotInFuture(Instant instant, Clock clock, String why) {
        if (instant.isAfter(clock.instant())) {
            throw new DomainRuleViolation(CaseRules.NOT_IN_FUTURE, why + "; the time given lies in the future");
        }
    }

    private static void requireText(String text, String rule, String why) {
        if (isBlank(text)) {
            throw new DomainRuleViolation(rule, why);
        }
    }

    private static void requireValue(Object value, String field) {
        if (value == null) {
            throw new DomainRuleViolation(CaseRules.VALUE_REQUIRED, field + " is required");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
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
        triageClockStartedAt = event.submittedAt();
        if (event.subject() != null) {
            subjectType = event.subject().type();
            subjectUserId = event.subject().userId();
        }
    }

    @EventSourcingHandler
    void on(SafeguardingAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(CaseTriaged event) {
        status = CaseStatus.TRIAGED;
        route = event.route();
    }

    @EventSourcingHandler
    void on(ReferralDecisionRecorded event) {
        referralDecision = event.decision();
    }

    @EventSourcingHandler
    void on(SupportOffered event) {
        supportOffered = true;
    }

    @EventSourcingHandler
    void on(InvestigatorAssigned event) {
        status = CaseStatus.INVESTIGATING;
        investigatorId = event.investigatorId();
        // each assignment gives the (new) investigator the full period
        investigationClockStartedAt = event.assignedAt();
        investigationOverdue = false;
    }

    @EventSourcingHandler
    void on(FindingsRecorded event) {
        status = CaseStatus.FINDINGS_RECORDED;
        breachFound = event.breachFound();
        grossMisconduct = event.grossMisconduct();
    }

    @EventSourcingHandler
    void on(InformalActionTaken event) {
        close(CaseResolution.INFORMAL_ACTION);
    }

    @EventSourcingHandler
    void on(HearingScheduled event) {
        status = CaseStatus.HEARING_SCHEDULED;
        hearingDecisionMakerId = event.decisionMakerId();
    }

    @EventSourcingHandler
    void on(HearingHeld event) {
        hearingHeld = true;
    }

    @EventSourcingHandler
    void on(OutcomeDecided event) {
        status = CaseStatus.OUTCOME_DECIDED;
        outcome = event.outcome();
        outcomeDecidedBy = event.decidedBy();
        appealWindowClosesAt = event.appealWindowClosesAt();
        outcomeDecidedAt = event.decidedAt();
    }

    @EventSourcingHandler
    void on(AppealLodged event) {
        status = CaseStatus.APPEAL_LODGED;
        appealDeciderId = event.appealDeciderId();
    }

    @EventSourcingHandler
    void on(AppealDecided event) {
        close(CaseResolution.APPEAL_DECIDED);
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        close(event.resolution());
    }

    @EventSourcingHandler
    void on(ConcernWithdrawn event) {
        close(CaseResolution.WITHDRAWN);
    }

    /** Back to triage: the route is decided afresh and the disciplinary steps start over; history stays. */
    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.TRIAGED;
        route = null;
        resolution = null;
        supportOffered = false;
        referralDecision = null;
        breachFound = false;
        grossMisconduct = false;
        hearingHeld = false;
        outcome = null;
        appealWindowClosesAt = null;
        triageClockStartedAt = event.reopenedAt();
        triageOverdue = false;
    }

    @EventSourcingHandler
    void on(SafeguardingAcknowledgementEscalated event) {
        acknowledgementEscalations = Math.max(acknowledgementEscalations, event.level());
    }

    @EventSourcingHandler
    void on(TriageOverdue event) {
        triageOverdue = true;
    }

    @EventSourcingHandler
    void on(PolicyQueryOverdue event) {
        policyQueryOverdue = true;
    }

    @EventSourcingHandler
    void on(InvestigationOverdue event) {
        investigationOverdue = true;
    }

    private void close(CaseResolution how) {
        status = CaseStatus.CLOSED;
        resolution = how;
    }
}
