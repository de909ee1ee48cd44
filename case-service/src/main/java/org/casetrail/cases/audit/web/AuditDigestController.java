package org.casetrail.cases.audit.web;

import org.casetrail.contracts.Actor;
import org.casetrail.contracts.Role;
import org.casetrail.platform.audit.SchoolDigests;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A digest of the caller's school on demand (docs/audit.md, "Digests"): recorded, published on
 * {@code casetrail.audit.digests.v1}, and returned so the caller can keep the root outside casetrail.
 */
@RestController
class AuditDigestController {

    private final SchoolDigests digests;
    private final AuditMapper mapper;

    AuditDigestController(SchoolDigests digests, AuditMapper mapper) {
        this.digests = digests;
        this.mapper = mapper;
    }

    @PostMapping("/api/v1/audit/digests")
    @ResponseStatus(HttpStatus.CREATED)
    @ActsAs({Role.AUDITOR, Role.ADMIN})
    AuditResponses.DigestResponse record(CurrentUser user, HttpServletRequest request) {
        String role = user.roles().contains(Role.AUDITOR) ? Role.AUDITOR.name() : Role.ADMIN.name();
        Object correlation = request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE);
        return mapper.toResponse(digests.record(user.schoolId(), new Actor(user.userId(), role),
                correlation == null ? null : correlation.toString()));
    }
}
