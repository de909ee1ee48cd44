package org.casetrail.platform.accesslog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActsAs;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/audit/access-log} (api.md, "Audit"): an AUDITOR lists who read what in their own
 * school, newest first, and learns whether the school's chain is intact. Listing the log is not itself
 * an audited read (it is not a read of a case or a disclosure).
 */
@RestController
@Validated
public class AccessLogController {

    private final AccessLog accessLog;
    private final AccessLogProperties properties;
    private final String service;

    public AccessLogController(AccessLog accessLog, AccessLogProperties properties, String service) {
        this.accessLog = accessLog;
        this.properties = properties;
        this.service = service;
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
                                  CurrentUser user) {
        List<Problems.FieldError> errors = new ArrayList<>();
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (pageSize > properties.maxPageSize()) {
            errors.add(new Problems.FieldError("size", "must be at most " + properties.maxPageSize()));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Problems.FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.validation(errors));
        }
        AccessLog.Listing listing = accessLog.list(user.schoolId(),
                new AccessLog.Filter(objectType, objectId, userId, view, from, to), page, pageSize);
        return ResponseEntity.ok(AccessLogResponse.of(service, user.schoolId(), page, pageSize, listing));
    }
}
