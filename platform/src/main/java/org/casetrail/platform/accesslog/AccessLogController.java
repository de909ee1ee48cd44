package org.casetrail.platform.accesslog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/audit/access-log} (api.md, "Audit"): an AUDITOR lists who read what in their own
 * school, newest first, and learns whether the school's chain is intact. Listing the log is not itself
 * an audited read (it is not a read of a case or a disclosure). The chain check also compares the log
 * with the head a school digest recorded ({@code digestId}, by default the latest), which catches a
 * rewrite of the whole chain that the walk alone cannot (docs/audit.md, "Anchoring the access log").
 */
@RestController
@Validated
public class AccessLogController {

    private final AccessLog accessLog;
    private final AccessLogProperties properties;
    private final String service;
    private final ObjectProvider<AccessLogAnchors> anchors;

    public AccessLogController(AccessLog accessLog, AccessLogProperties properties, String service,
                               ObjectProvider<AccessLogAnchors> anchors) {
        this.accessLog = accessLog;
        this.properties = properties;
        this.service = service;
        this.anchors = anchors;
    }

    @GetMapping("${casetrail.access-log.listing-path:/api/v1/audit/access-log}")
    @ActsAs(Role.AUDITOR)
    public ResponseEntity<?> list(@RequestParam(required = false) @Size(max = 64) String objectType,
                                  @RequestParam(required = false) @Size(max = 200) String objectId,
                                  @RequestParam(required = false) @Size(max = 200) String userId,
                                  @RequestParam(required = false) @Size(max = 64) String view,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(required = false) @Min(1) Integer size,
                                  @RequestParam(required = false) @Size(max = 200) String digestId,
                                  CurrentUser user) {
        List<Problems.FieldError> errors = new ArrayList<>();
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageSize > properties.maxPageSize()) {
            errors.add(new Problems.FieldError("size", "must be at most " + properties.maxPageSize()));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Problems.FieldError("to", "must be after from"));
        }
        AccessLogAnchors digests = anchors.getIfAvailable();
        Optional<AccessLogAnchors.Anchor> anchor = digests == null ? Optional.empty()
                : digests.anchor(user.schoolId(), digestId);
        if (digestId != null && anchor.isEmpty()) {
            errors.add(new Problems.FieldError("digestId",
                    "no digest of your school in this service with this id records the access log's head"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.validation(errors));
        }
        AccessLog.Listing listing = accessLog.list(user.schoolId(),
                new AccessLog.Filter(objectType, objectId, userId, view, from, to), page, pageSize);
        return ResponseEntity.ok(AccessLogResponse.of(service, user.schoolId(), page, pageSize, listing,
                anchor.map(a -> check(user.schoolId(), a, listing.chain())).orElse(null)));
    }

    /**
     * The anchor holds when the walk found nothing broken at or below the anchored sequence (damage
     * only above it is newer than the digest) and the entry there still has the anchored hash: a chain
     * rewritten consistently from below that sequence, or cut below it, fails here although it walks clean.
     */
    private AccessLogResponse.Anchor check(String schoolId, AccessLogAnchors.Anchor anchor, AccessLog.ChainCheck chain) {
        String current = anchor.sequence() == 0 ? AccessLogChain.GENESIS
                : accessLog.hashAt(schoolId, anchor.sequence()).orElse(null);
        boolean prefixIntact = chain.intact() || chain.brokenAtSequence() > anchor.sequence();
        return new AccessLogResponse.Anchor(anchor.digestId(), anchor.recordedAt(), anchor.sequence(),
                anchor.headHash(), current, prefixIntact && anchor.headHash().equals(current));
    }
}
