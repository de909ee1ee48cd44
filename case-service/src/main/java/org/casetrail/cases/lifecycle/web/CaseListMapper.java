package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseSummaryView;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

@Mapper(config = CasetrailMapperConfig.class)
interface CaseListMapper {

    CaseListResponse toResponse(CaseSummaryView.Page page);

    CaseListResponse.Item toItem(CaseSummaryView view);
}
