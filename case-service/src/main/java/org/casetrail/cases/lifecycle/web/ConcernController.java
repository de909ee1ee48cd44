package org.casetrail.cases.lifecycle.web;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.cases.lifecycle.api.ConcernReceipt;
import org.casetrail.cases.lifecycle.api.FindConcernsOfReporter;
import org.casetrail.cases.lifecycle.api.ReporterCaseView;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/concerns")
class ConcernController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ConcernMapper mapper;

    ConcernController(CommandGateway commands, QueryGateway queries, ConcernMapper mapper) {
        this.commands = commands;
        this.queries = queries;
        this.mapper = mapper;
    }

    /** Returns only after the ConcernReported event is in the event store (architecture.md quality bar). */
    @PostMapping
    @ActsAs(Role.STAFF)
    ResponseEntity<ConcernResponses.ReportConcernResponse> report(@Valid @RequestBody ReportConcernRequest request,
                                                                 CurrentUser user) {
        String caseId = UUID.randomUUID().toString();
        ConcernReceipt receipt = commands.sendAndWait(mapper.toCommand(request, caseId, user.schoolId(), user.userId()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId)).body(mapper.toResponse(receipt));
    }

    @GetMapping("/mine")
    @ActsAs(Role.STAFF)
    List<ConcernResponses.MyConcernResponse> mine(CurrentUser user) {
        List<ReporterCaseView> views = queries.query(new FindConcernsOfReporter(user.schoolId(), user.userId()),
                ResponseTypes.multipleInstancesOf(ReporterCaseView.class)).join();
        return mapper.toResponses(views);
    }
}
