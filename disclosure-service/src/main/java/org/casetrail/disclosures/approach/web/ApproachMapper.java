package org.casetrail.disclosures.approach.web;

import org.casetrail.disclosures.approach.api.ApproachView;
import org.casetrail.disclosures.approach.api.RecordApproach;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface ApproachMapper {

    RecordApproach toCommand(RecordApproachRequest request, String approachId, String schoolId, String recorderId);

    List<ApproachResponses.ApproachResponse> toResponses(List<ApproachView> views);
}
