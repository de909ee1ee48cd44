package org.casetrail.cases.lifecycle.web;

import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.cases.lifecycle.query.CaseStatisticsView;
import org.casetrail.cases.lifecycle.query.FindCaseStatistics;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** P5: the Principal's monitoring figures for their own school, over cases submitted in {@code [from, to)}. */
@RestController
class StatisticsController {

    private final QueryGateway queries;
    private final StatisticsMapper mapper;

    StatisticsController(QueryGateway queries, StatisticsMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/statistics")
    @ActsAs(Role.PRINCIPAL)
    ResponseEntity<?> statistics(@RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to,
                                 CurrentUser user) {
        if (from != null && to != null && from.isAfter(to)) {
            return ResponseEntity.badRequest().body(Problems.validation(
                    List.of(new Problems.FieldError("from", "lies after to"))));
        }
        return ResponseEntity.ok(mapper.toResponse(queries.query(new FindCaseStatistics(user.schoolId(),
                user.userId(), user.roles(), from, to), CaseStatisticsView.class).join()));
    }
}
