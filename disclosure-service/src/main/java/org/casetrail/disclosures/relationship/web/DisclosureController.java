package org.casetrail.disclosures.relationship.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.disclosures.relationship.api.DisclosureReceipt;
import org.casetrail.disclosures.relationship.api.DisclosureState;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.disclosures.relationship.api.FindMyDisclosures;
import org.casetrail.disclosures.relationship.api.FindSchoolDisclosures;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The relationship-disclosure rows of api.md. {@link ActsAs} checks the role; whether this caller
 * may act on this disclosure (same school, the declarer) is checked by the aggregate, so an unknown,
 * foreign or someone else's disclosure answers 404 alike. Each command returns once its events are stored.
 */
@RestController
@Validated
@RequestMapping("/api/v1/disclosures")
class DisclosureController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DisclosureMapper mapper;

    DisclosureController(CommandGateway commands, QueryGateway queries, DisclosureMapper mapper) {
        this.commands = commands;
        this.queries = queries;
        this.mapper = mapper;
    }

    @PostMapping
    @ActsAs(Role.STAFF)
    ResponseEntity<DisclosureResponses.DecisionResponse> declare(@Valid @RequestBody RelationshipRequest request,
                                                                 CurrentUser user) {
        String disclosureId = UUID.randomUUID().toString();
        DisclosureReceipt receipt = commands.sendAndWait(
                mapper.toDeclare(request, disclosureId, user.schoolId(), user.userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toResponse(receipt));
    }

    @GetMapping("/mine")
    @ActsAs(Role.STAFF)
    List<DisclosureResponses.DisclosureResponse> mine(CurrentUser user) {
        return mapper.toResponses(queries.query(new FindMyDisclosures(user.schoolId(), user.userId()),
                ResponseTypes.multipleInstancesOf(DisclosureView.class)).join());
    }

    @GetMapping
    @ActsAs(Role.PRINCIPAL)
    List<DisclosureResponses.DisclosureResponse> ofSchool(@RequestParam(required = false) DisclosureState state,
                                                          @RequestParam(required = false) DisclosureDecision decision,
                                                          @RequestParam(required = false) Boolean reconfirmationOverdue,
                                                          CurrentUser user) {
        return mapper.toResponses(queries.query(
                new FindSchoolDisclosures(user.schoolId(), state, decision, reconfirmationOverdue),
                ResponseTypes.multipleInstancesOf(DisclosureView.class)).join());
    }

    @PostMapping("/{disclosureId}/review")
    @ActsAs(Role.PRINCIPAL)
    void review(@PathVariable @Size(max = 64) String disclosureId,
                @Valid @RequestBody DisclosureRequests.ReviewRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toReview(request, disclosureId, user.schoolId(), user.userId()));
    }

    @PostMapping("/{disclosureId}/withdraw")
    @ActsAs(Role.STAFF)
    void withdraw(@PathVariable @Size(max = 64) String disclosureId,
                  @Valid @RequestBody DisclosureRequests.WithdrawRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toWithdraw(request, disclosureId, user.schoolId(), user.userId()));
    }

    /** An addition to api.md: the declarer's yearly re-confirmation (domain.md, "Disclosures"). */
    @PostMapping("/{disclosureId}/reconfirm")
    @ActsAs(Role.STAFF)
    void reconfirm(@PathVariable @Size(max = 64) String disclosureId,
                   @Valid @RequestBody(required = false) DisclosureRequests.ReconfirmRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toReconfirm(disclosureId, user.schoolId(), user.userId()));
    }

    @PostMapping("/{disclosureId}/amend")
    @ActsAs(Role.STAFF)
    DisclosureResponses.DecisionResponse amend(@PathVariable @Size(max = 64) String disclosureId,
                                               @Valid @RequestBody RelationshipRequest request, CurrentUser user) {
        DisclosureReceipt receipt = commands.sendAndWait(
                mapper.toAmend(request, disclosureId, user.schoolId(), user.userId()));
        return mapper.toResponse(receipt);
    }
}
