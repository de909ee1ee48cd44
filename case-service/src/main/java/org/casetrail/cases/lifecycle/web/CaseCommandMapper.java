package org.casetrail.cases.lifecycle.web;

import org.casetrail.cases.lifecycle.api.*;
import org.casetrail.contracts.Role;
import org.casetrail.platform.mapping.CasetrailMapperConfig;
import org.mapstruct.Mapper;

import java.util.Set;

/** Request bodies to commands; who is calling comes from the token, never from the body. */
@Mapper(config = CasetrailMapperConfig.class)
interface CaseCommandMapper {

    AcknowledgeSafeguarding toCommand(CaseRequests.AcknowledgeRequest request, String caseId, String schoolId,
                                      String actorId, Set<Role> actorRoles);

    TriageCase toCommand(CaseRequests.TriageRequest request, String caseId, String schoolId, String actorId,
                         Set<Role> actorRoles);

    RecordReferralDecision toCommand(CaseRequests.ReferralRequest request, String caseId, String schoolId,
                                     String actorId, Set<Role> actorRoles);

    OfferSupport toCommand(CaseRequests.SupportRequest request, String caseId, String schoolId, String actorId,
                           Set<Role> actorRoles);

    AssignInvestigator toCommand(CaseRequests.InvestigatorRequest request, String caseId, String schoolId,
                                 String actorId, Set<Role> actorRoles);

    SuspendPrecautionarily toCommand(CaseRequests.SuspensionRequest request, String caseId, String schoolId,
                                     String actorId, Set<Role> actorRoles);

    AddEvidence toCommand(CaseRequests.EvidenceRequest request, String caseId, String schoolId, String actorId,
                          Set<Role> actorRoles, String evidenceId);

    RecordInterview toCommand(CaseRequests.InterviewRequest request, String caseId, String schoolId, String actorId,
                              Set<Role> actorRoles, String interviewId);

    RecordFindings toCommand(CaseRequests.FindingsRequest request, String caseId, String schoolId, String actorId,
                             Set<Role> actorRoles);

    TakeInformalAction toCommand(CaseRequests.InformalActionRequest request, String caseId, String schoolId,
                                 String actorId, Set<Role> actorRoles);

    ScheduleHearing toCommand(CaseRequests.HearingRequest request, String caseId, String schoolId, String actorId,
                              Set<Role> actorRoles);

    RecordHearingHeld toCommand(CaseRequests.HearingHeldRequest request, String caseId, String schoolId,
                                String actorId, Set<Role> actorRoles);

    DecideOutcome toCommand(CaseRequests.OutcomeRequest request, String caseId, String schoolId, String actorId,
                            Set<Role> actorRoles);

    LodgeAppeal toCommand(CaseRequests.AppealRequest request, String caseId, String schoolId, String actorId,
                          Set<Role> actorRoles);

    DecideAppeal toCommand(CaseRequests.AppealDecisionRequest request, String caseId, String schoolId, String actorId,
                           Set<Role> actorRoles);

    CloseCase toCommand(CaseRequests.CloseRequest request, String caseId, String schoolId, String actorId,
                        Set<Role> actorRoles);

    ReopenCase toCommand(CaseRequests.ReopenRequest request, String caseId, String schoolId, String actorId,
                         Set<Role> actorRoles);

    WithdrawConcern toCommand(CaseRequests.WithdrawRequest request, String caseId, String schoolId, String actorId,
                              Set<Role> actorRoles);

    AddNote toCommand(CaseRequests.NoteRequest request, String caseId, String schoolId, String actorId,
                      Set<Role> actorRoles, String noteId);
}
