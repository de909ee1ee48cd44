package org.casetrail.disclosures.relationship.web;

import org.casetrail.contracts.cases.CaseOpenedFromDisclosure;
import org.casetrail.contracts.disclosures.DisclosureDecision;
import org.casetrail.disclosures.relationship.api.AmendDisclosure;
import org.casetrail.disclosures.relationship.api.DeclareRelationship;
import org.casetrail.disclosures.relationship.api.DisclosureReceipt;
import org.casetrail.disclosures.relationship.api.DisclosureView;
import org.casetrail.disclosures.relationship.api.ReconfirmDisclosure;
import org.casetrail.disclosures.relationship.api.RelationshipDetails;
import org.casetrail.disclosures.relationship.api.ReviewDisclosure;
import org.casetrail.disclosures.relationship.api.WithdrawDisclosure;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

@Mapper(config = CasetrailMapperConfig.class)
interface DisclosureMapper {

    RelationshipDetails toDetails(RelationshipRequest request);

    @Mapping(target = "details", source = "request")
    DeclareRelationship toDeclare(RelationshipRequest request, String disclosureId, String schoolId, String declarerId);

    @Mapping(target = "details", source = "request")
    AmendDisclosure toAmend(RelationshipRequest request, String disclosureId, String schoolId, String declarerId);

    ReviewDisclosure toReview(DisclosureRequests.ReviewRequest request, String disclosureId, String schoolId,
                              String reviewerId);

    ReconfirmDisclosure toReconfirm(String disclosureId, String schoolId, String declarerId);

    WithdrawDisclosure toWithdraw(DisclosureRequests.WithdrawRequest request, String disclosureId, String schoolId,
                                  String declarerId);

    @Mapping(target = "caseId", expression = "java(caseIdOf(receipt))")
    DisclosureResponses.DecisionResponse toResponse(DisclosureReceipt receipt);

    /** A prohibited version is flagged at once, and the flag opens the case with this id (domain.md, P8, P10). */
    default String caseIdOf(DisclosureReceipt receipt) {
        return receipt.decision() == DisclosureDecision.PROHIBITED
                ? CaseOpenedFromDisclosure.caseIdFor(receipt.disclosureId(), receipt.version()) : null;
    }

    @Mapping(target = "counterpartType", source = "details.counterpartType")
    @Mapping(target = "counterpartName", source = "details.counterpartName")
    @Mapping(target = "counterpartDateOfBirth", source = "details.counterpartDateOfBirth")
    @Mapping(target = "basis", source = "details.basis")
    @Mapping(target = "basisOther", source = "details.basisOther")
    @Mapping(target = "platforms", source = "details.platforms")
    @Mapping(target = "description", source = "details.description")
    DisclosureResponses.DisclosureResponse toResponse(DisclosureView view);

    List<DisclosureResponses.DisclosureResponse> toResponses(List<DisclosureView> views);
}
