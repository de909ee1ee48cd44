package org.casetrail.cases.audit.web;

import org.casetrail.cases.audit.CaseAudit;
import org.casetrail.cases.lifecycle.api.CaseDetailView;
import org.casetrail.platform.audit.ChainVerification;
import org.casetrail.platform.audit.RecordedEvent;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface AuditMapper {

    @Mapping(target = "actor", expression = "java(new AuditResponses.ActorResponse(event.actorId(), event.actorRole()))")
    AuditResponses.HistoryEntryResponse toResponse(RecordedEvent event);

    List<AuditResponses.HistoryEntryResponse> toResponses(List<RecordedEvent> events);

    AuditResponses.VerificationResponse toResponse(ChainVerification verification);

    AuditResponses.CaseStateResponse toResponse(CaseAudit.PointInTime pointInTime);

    AuditResponses.CaseState toState(CaseDetailView view);

    AuditResponses.DigestResponse toResponse(SchoolDigests.Digest digest);

    AuditResponses.DigestProofResponse toResponse(SchoolDigests.Proof proof);
}
