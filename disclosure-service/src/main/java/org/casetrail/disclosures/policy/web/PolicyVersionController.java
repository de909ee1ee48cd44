package org.casetrail.disclosures.policy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.contracts.Role;
import org.casetrail.disclosures.directory.DirectoryCopy;
import org.casetrail.disclosures.policy.api.FindPolicyAcknowledgements;
import org.casetrail.disclosures.policy.api.PolicyAcknowledgementReport;
import org.casetrail.disclosures.policy.api.PolicyVersionIds;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
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
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * The policy-version rows of api.md, plus {@code POST .../{version}/training-completions} (HR; an
 * addition). Versions are per school: the caller's school is part of the version's id, so another
 * school's version answers 404 like an unknown one.
 */
@RestController
@Validated
@RequestMapping("/api/v1/policy-versions")
class PolicyVersionController {

    static final String TRAINEE_IS_STAFF = "TRAINEE_IS_STAFF";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PolicyMapper mapper;
    private final DirectoryCopy directory;

    PolicyVersionController(CommandGateway commands, QueryGateway queries, PolicyMapper mapper, DirectoryCopy directory) {
        this.commands = commands;
        this.queries = queries;
        this.mapper = mapper;
        this.directory = directory;
    }

    @PostMapping
    @ActsAs(Role.ADMIN)
    ResponseEntity<PolicyResponses.PublishedResponse> publish(@Valid @RequestBody PolicyRequests.PublishRequest request,
                                                              CurrentUser user) {
        String version = commands.sendAndWait(mapper.toPublish(request,
                PolicyVersionIds.of(user.schoolId(), request.version()), user.schoolId(), user.userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PolicyResponses.PublishedResponse(version));
    }

    @PostMapping("/{version}/acknowledgements")
    @ActsAs(Role.STAFF)
    void acknowledge(@PathVariable @Pattern(regexp = PolicyRequests.VERSION) String version,
                     @Valid @RequestBody(required = false) PolicyRequests.AcknowledgeRequest request, CurrentUser user) {
        commands.sendAndWait(mapper.toAcknowledge(PolicyVersionIds.of(user.schoolId(), version), user.schoolId(),
                user.userId()));
    }

    @GetMapping("/{version}/acknowledgements")
    @ActsAs(Role.PRINCIPAL)
    PolicyResponses.AcknowledgementReportResponse acknowledgements(
            @PathVariable @Pattern(regexp = PolicyRequests.VERSION) String version, CurrentUser user) {
        Optional<PolicyAcknowledgementReport> report = queries.query(new FindPolicyAcknowledgements(user.schoolId(), version),
                ResponseTypes.optionalInstanceOf(PolicyAcknowledgementReport.class)).join();
        return mapper.toResponse(report.orElseThrow(() -> new NotFound("policy version " + version)));
    }

    /** HR records that a staff member of the school completed the training on this version. */
    @PostMapping("/{version}/training-completions")
    @ActsAs(Role.HR)
    void trainingCompleted(@PathVariable @Pattern(regexp = PolicyRequests.VERSION) String version,
                           @Valid @RequestBody PolicyRequests.TrainingRequest request, CurrentUser user) {
        if (!directory.isStaffOf(user.schoolId(), request.userId())) {
            throw new DomainRuleViolation(TRAINEE_IS_STAFF, "userId names no active staff member of this school");
        }
        commands.sendAndWait(mapper.toTraining(request, PolicyVersionIds.of(user.schoolId(), version), user.schoolId(),
                user.userId()));
    }
}
