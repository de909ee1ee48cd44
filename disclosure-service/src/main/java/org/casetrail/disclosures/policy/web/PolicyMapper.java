package org.casetrail.disclosures.policy.web;

import org.casetrail.disclosures.policy.api.AcknowledgePolicyVersion;
import org.casetrail.disclosures.policy.api.PolicyAcknowledgementReport;
import org.casetrail.disclosures.policy.api.PublishPolicyVersion;
import org.casetrail.disclosures.policy.api.RecordTrainingCompletion;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

@Mapper(config = CasetrailMapperConfig.class)
interface PolicyMapper {

    PublishPolicyVersion toPublish(PolicyRequests.PublishRequest request, String policyVersionId, String schoolId,
                                   String publishedBy);

    AcknowledgePolicyVersion toAcknowledge(String policyVersionId, String schoolId, String userId);

    RecordTrainingCompletion toTraining(PolicyRequests.TrainingRequest request, String policyVersionId, String schoolId,
                                        String recordedBy);

    PolicyResponses.AcknowledgementReportResponse toResponse(PolicyAcknowledgementReport report);
}
