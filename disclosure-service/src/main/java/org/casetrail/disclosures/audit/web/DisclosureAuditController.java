package org.casetrail.disclosures.audit.web;

import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Role;
import org.casetrail.disclosures.audit.DisclosureAudit;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A disclosure's history, state at an instant, chain verification and digest proof (api.md, "Audit":
 * the same shape for disclosures).
 */
@RestController
@Validated
class DisclosureAuditController {

    // api.md's audit table names the readers of a case; for disclosures it says only "the same shape":
    // the school's AUDITOR and PRINCIPAL read history and state, verification is the auditor's, as for cases.
    static final Set<Role> READERS = Set.of(Role.AUDITOR, Role.PRINCIPAL);
    static final Set<Role> VERIFY = Set.of(Role.AUDITOR);
    // An auditor's tool, like verification: as the case's digest proof.
    static final Set<Role> PROOF = Set.of(Role.AUDITOR);

    private final DisclosureAudit audit;
    private final DisclosureAuditMapper mapper;

    DisclosureAuditController(DisclosureAudit audit, DisclosureAuditMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/disclosures/{disclosureId}/history")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL})
    List<DisclosureAuditResponses.HistoryEntryResponse> history(@PathVariable @Size(max = 64) String disclosureId,
                                                                CurrentUser user) {
        return mapper.toResponses(audit.history(disclosureId, user, READERS));
    }

    @GetMapping("/api/v1/disclosures/{disclosureId}/state")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL})
    DisclosureAuditResponses.DisclosureStateResponse state(@PathVariable @Size(max = 64) String disclosureId,
                                                           @RequestParam Instant asOf, CurrentUser user) {
        return mapper.toResponse(audit.stateAsOf(disclosureId, asOf, user, READERS));
    }

    @GetMapping("/api/v1/disclosures/{disclosureId}/verify")
    @ActsAs(Role.AUDITOR)
    DisclosureAuditResponses.VerificationResponse verify(@PathVariable @Size(max = 64) String disclosureId,
                                                         CurrentUser user) {
        return mapper.toResponse(audit.verify(disclosureId, user, VERIFY));
    }

    @GetMapping("/api/v1/disclosures/{disclosureId}/digest-proof")
    @ActsAs(Role.AUDITOR)
    DisclosureAuditResponses.DigestProofResponse digestProof(@PathVariable @Size(max = 64) String disclosureId,
                                                             @RequestParam(required = false) @Size(max = 200) String digestId,
                                                             CurrentUser user) {
        return audit.digestProof(disclosureId, digestId, user, PROOF).map(mapper::toResponse)
                .orElseThrow(() -> new NotFound("digest proof of disclosure " + disclosureId));
    }
}
