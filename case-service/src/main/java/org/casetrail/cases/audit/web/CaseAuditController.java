package org.casetrail.cases.audit.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casetrail.cases.audit.CaseAudit;
import org.casetrail.contracts.Role;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case's audit (api.md, "Audit"). The roles of each endpoint are checked twice: {@link ActsAs} for
 * the role, and {@link CaseAudit} for the case itself (another school's, or one's own as subject: 404).
 */
@RestController
@Validated
class CaseAuditController {

    static final Set<Role> HISTORY = Set.of(Role.AUDITOR, Role.PRINCIPAL, Role.HR);
    static final Set<Role> STATE = Set.of(Role.AUDITOR, Role.PRINCIPAL);
    static final Set<Role> VERIFY = Set.of(Role.AUDITOR);
    // api.md is silent on these two: the export carries the history, so its readers are the state's
    // (an appeal's or tribunal's bundle is assembled by the Principal or an auditor); a digest proof is
    // an auditor's tool, like verification.
    static final Set<Role> EXPORT = Set.of(Role.AUDITOR, Role.PRINCIPAL);
    static final Set<Role> PROOF = Set.of(Role.AUDITOR);

    private final CaseAudit audit;
    private final AuditMapper mapper;
    private final CaseExportHtml html;
    private final Clock clock;

    CaseAuditController(CaseAudit audit, AuditMapper mapper, CaseExportHtml html,
                        org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.mapper = mapper;
        this.html = html;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/v1/cases/{caseId}/history")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL, Role.HR})
    List<AuditResponses.HistoryEntryResponse> history(@PathVariable @Size(max = 64) String caseId, CurrentUser user) {
        return mapper.toResponses(audit.history(caseId, user, HISTORY));
    }

    @GetMapping("/api/v1/cases/{caseId}/state")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL})
    AuditResponses.CaseStateResponse state(@PathVariable @Size(max = 64) String caseId, @RequestParam Instant asOf,
                                           CurrentUser user) {
        return mapper.toResponse(audit.stateAsOf(caseId, asOf, user, STATE));
    }

    @GetMapping("/api/v1/cases/{caseId}/verify")
    @ActsAs(Role.AUDITOR)
    AuditResponses.VerificationResponse verify(@PathVariable @Size(max = 64) String caseId, CurrentUser user) {
        return mapper.toResponse(audit.verify(caseId, user, VERIFY));
    }

    @GetMapping("/api/v1/cases/{caseId}/digest-proof")
    @ActsAs(Role.AUDITOR)
    AuditResponses.DigestProofResponse digestProof(@PathVariable @Size(max = 64) String caseId,
                                                   @RequestParam(required = false) @Size(max = 200) String digestId,
                                                   CurrentUser user) {
        return audit.digestProof(caseId, digestId, user, PROOF).map(mapper::toResponse)
                .orElseThrow(() -> new NotFound("digest proof of case " + caseId));
    }

    /** JSON by default; the readable HTML timeline with {@code ?format=html} or {@code Accept: text/html}. */
    @GetMapping("/api/v1/cases/{caseId}/export")
    @ActsAs({Role.AUDITOR, Role.PRINCIPAL})
    ResponseEntity<?> export(@PathVariable @Size(max = 64) String caseId,
                             @RequestParam(required = false) @Pattern(regexp = "json|html") String format,
                             @RequestHeader(value = "Accept", required = false) String accept, CurrentUser user) {
        AuditResponses.CaseExportResponse export = exportOf(caseId, user);
        boolean asHtml = "html".equals(format) || (format == null && accept != null
                && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML)
                && !t.isWildcardType()));
        if (asHtml) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(html.render(export));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
    }

    private AuditResponses.CaseExportResponse exportOf(String caseId, CurrentUser user) {
        List<AuditResponses.HistoryEntryResponse> history = mapper.toResponses(audit.history(caseId, user, EXPORT));
        AuditResponses.VerificationResponse verification = mapper.toResponse(audit.verify(caseId, user, EXPORT));
        AuditResponses.DigestProofResponse proof = audit.digestProof(caseId, null, user, EXPORT)
                .map(mapper::toResponse).orElse(null);
        String reference = history.stream().filter(e -> e.payload() != null && e.payload().hasNonNull("reference"))
                .map(e -> e.payload().get("reference").asText()).findFirst().orElse(null);
        String role = user.roles().contains(Role.AUDITOR) ? Role.AUDITOR.name() : Role.PRINCIPAL.name();
        return new AuditResponses.CaseExportResponse(caseId, reference, clock.instant(),
                new AuditResponses.ActorResponse(user.userId(), role), verification, proof, history);
    }
}
