package org.casetrail.cases.lifecycle.web;

import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.cases.lifecycle.api.CaseDetailView;
import org.casetrail.cases.lifecycle.api.FindCaseDetail;
import org.casetrail.contracts.Role;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's detail for those who may see it; the projection applies the same visibility rule as the
 * aggregate, so a foreign case, one's own case as its subject, or an unassigned case is a 404.
 */
@RestController
@Validated
class CaseDetailController {

    private final QueryGateway queries;
    private final CaseDetailMapper mapper;

    CaseDetailController(QueryGateway queries, CaseDetailMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/cases/{caseId}")
    @ActsAs({Role.PRINCIPAL, Role.DSL, Role.HR, Role.INVESTIGATOR, Role.GOVERNOR})
    CaseDetailResponse detail(@PathVariable @Size(max = 64) String caseId, CurrentUser user) {
        return queries.query(new FindCaseDetail(caseId, user.schoolId(), user.userId(), user.roles()),
                        ResponseTypes.optionalInstanceOf(CaseDetailView.class)).join()
                .map(mapper::toResponse)
                .orElseThrow(() -> new NotFound("case " + caseId));
    }
}
