package org.casetrail.platform.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * One audited read, as the filter saw it, before it joins the chain.
 *
 * @param schoolId      the reader's school: each school's reads form their own chain
 * @param role          the role the reader acted in when the endpoint accepted them; null when it refused them
 * @param roles         every role the reader's token carried, so that a refused read still says who tried
 * @param status        the HTTP status the read was answered with (a 404 or 403 is an attempt an auditor wants to see)
 */
public record AccessRecord(String schoolId, Instant at, String userId, String role, List<String> roles,
                           String objectType, String objectId, String view, String method, String path,
                           String correlationId, String requestId, int status) {
}
