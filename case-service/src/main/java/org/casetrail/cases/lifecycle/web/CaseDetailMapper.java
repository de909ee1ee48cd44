package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.CaseDetailView;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

@Mapper(config = CasetrailMapperConfig.class)
interface CaseDetailMapper {

    CaseDetailResponse toResponse(CaseDetailView view);
}
