package org.casetrail.platform.accesslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which reads are recorded in the access log, and how the log is listed.
 *
 * @param enabled         off only for a service that serves no audited object
 * @param service         names this service's log in listings; {@code spring.application.name} when unset
 * @param reads           the audited reads: a {@code GET} whose path matches one of these is recorded
 * @param exclude         paths that match a read's pattern but are not a read of one object (e.g. {@code /mine})
 * @param listingPath     where an AUDITOR lists this service's log
 * @param defaultPageSize entries per page when the caller names no size
 * @param maxPageSize     the largest page a caller may ask for
 * @param batchSize       entries fetched per {@code _id $in} lookup while the chain is walked
 */
@ConfigurationProperties("casetrail.access-log")
public record AccessLogProperties(@DefaultValue("true") boolean enabled,
                                  String service,
                                  @DefaultValue List<Read> reads,
                                  @DefaultValue List<String> exclude,
                                  @DefaultValue("/api/v1/audit/access-log") String listingPath,
                                  @DefaultValue("50") int defaultPageSize,
                                  @DefaultValue("500") int maxPageSize,
                                  @DefaultValue("500") int batchSize) {

    /**
     * One audited read.
     *
     * @param pattern    a Spring path pattern with exactly one variable, the object's id, e.g. {@code /api/v1/cases/{caseId}/history}
     * @param objectType what the id names, e.g. {@code case}
     * @param view       which view of it is read, e.g. {@code history}
     */
    public record Read(String pattern, String objectType, String view) {
    }
}
