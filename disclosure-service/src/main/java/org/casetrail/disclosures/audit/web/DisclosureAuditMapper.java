package org.casetrail.disclosures.audit.web;

import org.casetrail.disclosures.audit.DisclosureAudit;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.platform.audit.ChainVerification;
import org.casetrail.platform.audit.RecordedEvent;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface DisclosureAuditMapper {

    @Mapping(target = "actor",
            expression = "java(new DisclosureAuditResponses.ActorResponse(event.actorId(), event.actorRole()))")
    DisclosureAuditResponses.HistoryEntryResponse toResponse(RecordedEvent event);

    List<DisclosureAuditResponses.HistoryEntryResponse> toResponses(List<RecordedEvent> events);

    DisclosureAuditResponses.VerificationResponse toResponse(ChainVerification verification);

    DisclosureAuditResponses.DisclosureStateResponse toResponse(DisclosureAudit.PointInTime pointInTime);

    DisclosureAuditResponses.DisclosureStateView toState(DisclosureView view);

    DisclosureAuditResponses.DigestResponse toResponse(SchoolDigests.Digest digest);

    DisclosureAuditResponses.DigestProofResponse toResponse(SchoolDigests.Proof proof);
}
