package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.ConcernReceipt;
import org.casetrail.cases.lifecycle.api.ReportConcern;
import org.casetrail.cases.lifecycle.api.ReporterCaseView;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface ConcernMapper {

    @Mapping(target = "safeguarding", expression = "java(Boolean.TRUE.equals(request.safeguarding()))")
    ReportConcern toCommand(ReportConcernRequest request, String caseId, String schoolId, String reporterId);

    ConcernResponses.ReportConcernResponse toResponse(ConcernReceipt receipt);

    List<ConcernResponses.MyConcernResponse> toResponses(List<ReporterCaseView> views);
}
