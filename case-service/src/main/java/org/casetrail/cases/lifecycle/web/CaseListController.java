package org.casetrail.cases.lifecycle.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.cases.lifecycle.api.CaseStatus;
import org.casetrail.cases.lifecycle.api.CaseSummaryView;
import org.casetrail.cases.lifecycle.api.FindCasesForReviewer;
import org.casetrail.contracts.Role;
import org.casetrail.contracts.cases.CaseCategory;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cases a reviewer may see, with api.md's filters; everything else is invisible, not forbidden. */
@RestController
@Validated
class CaseListController {

    private final QueryGateway queries;
    private final CaseListMapper mapper;

    CaseListController(QueryGateway queries, CaseListMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/cases")
    @ActsAs({Role.PRINCIPAL, Role.DSL, Role.HR, Role.INVESTIGATOR, Role.GOVERNOR})
    CaseListResponse list(@RequestParam(required = false) CaseStatus status,
                          @RequestParam(required = false) CaseCategory category,
                          @RequestParam(required = false) Boolean overdue,
                          @RequestParam(required = false) @Size(max = 64) String assignee,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                          CurrentUser user) {
        return mapper.toResponse(queries.query(new FindCasesForReviewer(user.schoolId(), user.userId(), user.roles(),
                status, category, overdue, assignee, page, size), CaseSummaryView.Page.class).join());
    }
}
