package org.casetrail.cases.lifecycle.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The commands of api.md's "Cases" table. {@link ActsAs} checks the role; whether this caller may
 * act on this case (same school, assigned investigator, named decider, reporter, never the
 * subject) is checked by the aggregate from the command's schoolId, actorId and actorRoles, so an
 * unknown, foreign or hidden case answers 404 alike. Each call returns once the event is stored.
 */
@RestController
@Validated
@RequestMapping("/api/v1/cases/{caseId}")
class CaseController {

    private final CommandGateway commands;
    private final CaseCommandMapper mapper;

    CaseController(CommandGateway commands, CaseCommandMapper mapper) {
        this.commands = commands;
        this.mapper = mapper;
    }

    @PostMapping("/acknowledge")
    @ActsAs(Role.DSL)
    void acknowledge(@PathVariable @Size(max = 64) String caseId,
                     @Valid @RequestBody CaseRequests.AcknowledgeRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/triage")
    @ActsAs({Role.DSL, Role.PRINCIPAL})
    void triage(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.TriageRequest request,
                CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/referral")
    @ActsAs(Role.DSL)
    void referral(@PathVariable @Size(max = 64) String caseId,
                  @Valid @RequestBody CaseRequests.ReferralRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/support")
    @ActsAs({Role.PRINCIPAL, Role.HR})
    void support(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.SupportRequest request,
                 CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/investigator")
    @ActsAs({Role.PRINCIPAL, Role.HR})
    void investigator(@PathVariable @Size(max = 64) String caseId,
                      @Valid @RequestBody CaseRequests.InvestigatorRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/suspension")
    @ActsAs({Role.PRINCIPAL, Role.HR})
    void suspension(@PathVariable @Size(max = 64) String caseId,
                    @Valid @RequestBody CaseRequests.SuspensionRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/evidence")
    @ActsAs({Role.INVESTIGATOR, Role.HR})
    ResponseEntity<CaseResponses.EvidenceResponse> evidence(@PathVariable @Size(max = 64) String caseId,
                                                            @Valid @RequestBody CaseRequests.EvidenceRequest request,
                                                            CurrentUser user) {
        String evidenceId = UUID.randomUUID().toString();
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles(), evidenceId));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/evidence/" + evidenceId))
                .body(new CaseResponses.EvidenceResponse(evidenceId));
    }

    @PostMapping("/interviews")
    @ActsAs({Role.INVESTIGATOR, Role.HR})
    ResponseEntity<CaseResponses.InterviewResponse> interview(@PathVariable @Size(max = 64) String caseId,
                                                              @Valid @RequestBody CaseRequests.InterviewRequest request,
                                                              CurrentUser user) {
        String interviewId = UUID.randomUUID().toString();
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles(), interviewId));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/interviews/" + interviewId))
                .body(new CaseResponses.InterviewResponse(interviewId));
    }

    @PostMapping("/findings")
    @ActsAs({Role.INVESTIGATOR, Role.HR})
    void findings(@PathVariable @Size(max = 64) String caseId,
                  @Valid @RequestBody CaseRequests.FindingsRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/informal-action")
    @ActsAs({Role.HR, Role.PRINCIPAL})
    void informalAction(@PathVariable @Size(max = 64) String caseId,
                        @Valid @RequestBody CaseRequests.InformalActionRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/hearing")
    @ActsAs(Role.HR)
    void hearing(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.HearingRequest request,
                 CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/hearing/held")
    @ActsAs({Role.HR, Role.PRINCIPAL})
    void hearingHeld(@PathVariable @Size(max = 64) String caseId,
                     @Valid @RequestBody CaseRequests.HearingHeldRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    /** The PRINCIPAL, or whoever the hearing named as decision maker (checked by the aggregate). */
    @PostMapping("/outcome")
    @ActsAs({Role.PRINCIPAL, Role.GOVERNOR, Role.HR, Role.STAFF})
    void outcome(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.OutcomeRequest request,
                 CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    /** The subject (a staff member), or HR on their behalf (checked by the aggregate). */
    @PostMapping("/appeal")
    @ActsAs({Role.HR, Role.STAFF})
    void appeal(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.AppealRequest request,
                CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    /** The appeal decider named when the appeal was lodged (checked by the aggregate). */
    @PostMapping("/appeal/decision")
    @ActsAs({Role.GOVERNOR, Role.PRINCIPAL})
    void appealDecision(@PathVariable @Size(max = 64) String caseId,
                        @Valid @RequestBody CaseRequests.AppealDecisionRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/close")
    @ActsAs({Role.PRINCIPAL, Role.DSL})
    void close(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.CloseRequest request,
               CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/reopen")
    @ActsAs(Role.PRINCIPAL)
    void reopen(@PathVariable @Size(max = 64) String caseId, @Valid @RequestBody CaseRequests.ReopenRequest request,
                CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    /** Only the reporter (checked by the aggregate). */
    @PostMapping("/withdraw")
    @ActsAs(Role.STAFF)
    void withdraw(@PathVariable @Size(max = 64) String caseId,
                  @Valid @RequestBody CaseRequests.WithdrawRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles()));
    }

    @PostMapping("/notes")
    @ActsAs({Role.PRINCIPAL, Role.DSL, Role.HR, Role.INVESTIGATOR, Role.GOVERNOR})
    ResponseEntity<CaseResponses.NoteResponse> note(@PathVariable @Size(max = 64) String caseId,
                                                    @Valid @RequestBody CaseRequests.NoteRequest request,
                                                    CurrentUser user) {
        String noteId = UUID.randomUUID().toString();
        commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId(), user.roles(), noteId));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/notes/" + noteId))
                .body(new CaseResponses.NoteResponse(noteId));
    }
}
