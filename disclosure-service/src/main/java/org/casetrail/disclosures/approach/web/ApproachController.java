package org.casetrail.disclosures.approach.web;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.contracts.Role;
import org.casetrail.disclosures.approach.api.ApproachView;
import org.casetrail.disclosures.approach.api.FindMyApproaches;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/approaches")
class ApproachController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproachMapper mapper;

    ApproachController(CommandGateway commands, QueryGateway queries, ApproachMapper mapper) {
        this.commands = commands;
        this.queries = queries;
        this.mapper = mapper;
    }

    /** Returns once the ApproachRecorded event is stored. */
    @PostMapping
    @ActsAs(Role.STAFF)
    ResponseEntity<ApproachResponses.RecordedResponse> record(@Valid @RequestBody RecordApproachRequest request,
                                                              CurrentUser user) {
        String approachId = UUID.randomUUID().toString();
        commands.sendAndWait(mapper.toCommand(request, approachId, user.schoolId(), user.userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApproachResponses.RecordedResponse(approachId));
    }

    @GetMapping("/mine")
    @ActsAs(Role.STAFF)
    List<ApproachResponses.ApproachResponse> mine(CurrentUser user) {
        return mapper.toResponses(queries.query(new FindMyApproaches(user.schoolId(), user.userId()),
                ResponseTypes.multipleInstancesOf(ApproachView.class)).join());
    }
}
