package org.casetrail.cases.lifecycle.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casetrail.cases.lifecycle.api.AppealDecision;
import org.casetrail.cases.lifecycle.api.DisciplinaryOutcome;
import org.casetrail.cases.lifecycle.api.GrossMisconductReason;
import org.casetrail.cases.lifecycle.api.InformalAction;
import org.casetrail.cases.lifecycle.api.ReferralDecision;
import org.casetrail.cases.lifecycle.api.Severity;
import org.casetrail.cases.lifecycle.api.TriageRoute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The bodies of api.md's "Cases" commands. Shape and size are checked here (400); the rules of
 * domain.md (422) and the state machine (409) are the aggregate's, so that no path around HTTP skips them.
 */
final class CaseRequests {

    private static final int ID = 64;
    private static final int SHORT = 200;
    private static final int TEXT = 10_000;

    private CaseRequests() {
    }

    record AcknowledgeRequest(@Size(max = TEXT) String note) {
    }

    record TriageRequest(@NotNull TriageRoute route, @NotNull Severity severity,
                         @NotBlank @Size(max = TEXT) String rationale) {
    }

    record ReferralRequest(@NotBlank @Size(max = SHORT) String agency, @Size(max = SHORT) String reference,
                           @NotNull ReferralDecision decision, @NotBlank @Size(max = TEXT) String rationale) {
    }

    record SupportRequest(@NotBlank @Size(max = SHORT) String offeredTo, @NotBlank @Size(max = TEXT) String description) {
    }

    record InvestigatorRequest(@NotBlank @Size(max = ID) String investigatorId) {
    }

    record SuspensionRequest(@NotBlank @Size(max = TEXT) String reason, @NotNull LocalDate from, LocalDate until) {
    }

    /** {@code sha256} is checked by the aggregate (rule EVIDENCE_SHA256_FORMAT), not here. */
    record EvidenceRequest(@NotBlank @Size(max = SHORT) String kind, @NotBlank @Size(max = TEXT) String description,
                           @Size(max = SHORT) String reference, @Size(max = 128) String sha256) {
    }

    record InterviewRequest(@Size(max = ID) String intervieweeId, @Size(max = SHORT) String intervieweeName,
                            @NotNull Instant heldAt, @NotBlank @Size(max = TEXT) String summary,
                            @Size(max = SHORT) String accompaniedBy) {
    }

    /** {@code grossMisconductReasonText} describes the reason {@code OTHER} (an addition to api.md). */
    record FindingsRequest(@NotNull Boolean breachFound, @Size(max = 20) List<@NotBlank @Size(max = 40) String> breachedClauses,
                           @NotNull Boolean grossMisconduct, GrossMisconductReason grossMisconductReason,
                           @Size(max = TEXT) String grossMisconductReasonText,
                           @NotBlank @Size(max = TEXT) String summary) {
    }

    record InformalActionRequest(@NotNull InformalAction action, @NotBlank @Size(max = TEXT) String description) {
    }

    /** {@code decisionMakerOverrideReason}: why the investigator decides after all (ACAS; an addition to api.md). */
    record HearingRequest(@NotNull Instant scheduledFor, @NotNull Instant noticeGivenAt,
                          @NotBlank @Size(max = ID) String decisionMakerId,
                          @Size(max = TEXT) String decisionMakerOverrideReason, @NotNull Boolean companionAllowed) {
    }

    record HearingHeldRequest(@NotNull Instant heldAt, @Size(max = SHORT) String accompaniedBy,
                              @NotBlank @Size(max = TEXT) String notes) {
    }

    record OutcomeRequest(@NotNull DisciplinaryOutcome outcome, @NotBlank @Size(max = TEXT) String rationale) {
    }

    record AppealRequest(@NotBlank @Size(max = TEXT) String grounds, @NotBlank @Size(max = ID) String appealDeciderId) {
    }

    record AppealDecisionRequest(@NotNull AppealDecision decision, DisciplinaryOutcome variedOutcome,
                                 @NotBlank @Size(max = TEXT) String rationale) {
    }

    record CloseRequest(@NotBlank @Size(max = TEXT) String rationale) {
    }

    record ReopenRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    record WithdrawRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    record NoteRequest(@NotBlank @Size(max = TEXT) String text) {
    }
}
