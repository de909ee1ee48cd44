package org.casetrail.disclosures.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A digest of the caller's school over this service's chains (disclosures, approach records, policy
 * versions) on demand, as case-service's {@code POST /api/v1/audit/digests} is for cases: recorded,
 * published on {@code casetrail.audit.digests.v1}, and returned so the caller can keep the root (and the
 * access log's head) outside casetrail. The gateway routes this path here (docs/audit.md, "Digests").
 */
@RestController
class DisclosureDigestController {

    private final SchoolDigests digests;
    private final DisclosureAuditMapper mapper;

    DisclosureDigestController(SchoolDigests digests, DisclosureAuditMapper mapper) {
        this.digests = digests;
        this.mapper = mapper;
    }

    @PostMapping("/api/v1/audit/digests/disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    @ActsAs({Role.AUDITOR, Role.ADMIN})
    DisclosureAuditResponses.DigestResponse record(CurrentUser user, HttpServletRequest request) {
        String role = user.roles().contains(Role.AUDITOR) ? Role.AUDITOR.name() : Role.ADMIN.name();
        Object correlation = request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE);
        return mapper.toResponse(digests.record(user.schoolId(), new Actor(user.userId(), role),
                correlation == null ? null : correlation.toString()));
    }
}
