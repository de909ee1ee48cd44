package org.casetrail.platform.accesslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.contracts.Role;
import org.casetrail.platform.security.ActingRoleInterceptor;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.casetrail.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records every configured read (casetrail.access-log.reads) in the access log, with the status it
 * was answered with, and fails closed: the response is held back until its entry is stored, and if
 * the entry cannot be stored the caller gets a 503 instead of the data. A servlet filter rather than
 * a HandlerInterceptor because only a filter can both see the final status and still withhold the
 * body; it runs inside Spring Security, so the reader is known (a request without a valid token is
 * refused before it and names no one to record).
 */
public class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);

    private static final int MAX_PATH = 1000;

    private final AccessLog accessLog;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<Audited> reads;
    private final List<PathPattern> excluded;

    public AccessLogFilter(AccessLog accessLog, AccessLogProperties properties, ObjectMapper mapper, Clock clock) {
        this.accessLog = accessLog;
        this.mapper = mapper;
        this.clock = clock;
        PathPatternParser parser = new PathPatternParser();
        this.reads = properties.reads().stream().map(r -> new Audited(parser.parse(r.pattern()), r)).toList();
        this.excluded = properties.exclude().stream().map(parser::parse).toList();
        for (Audited read : reads) {
            if (read.pattern().getPatternString().chars().filter(c -> c == '{').count() != 1) {
                throw new IllegalStateException("casetrail.access-log.reads: the pattern " + read.pattern()
                        + " must have exactly one variable, the id of the object read");
            }
        }
    }

    private record Audited(PathPattern pattern, AccessLogProperties.Read read) {
    }

    private record Match(AccessLogProperties.Read read, String objectId) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return match(request).isEmpty();
    }

    private Optional<Match> match(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return Optional.empty();
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        if (excluded.stream().anyMatch(p -> p.matches(path))) {
            return Optional.empty();
        }
        for (Audited audited : reads) {
            PathPattern.PathMatchInfo info = audited.pattern().matchAndExtract(path);
            if (info != null) {
                Map<String, String> variables = info.getUriVariables();
                return Optional.of(new Match(audited.read(), variables.values().iterator().next()));
            }
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> reader = currentUser();
        Optional<Match> match = match(request);
        if (reader.isEmpty() || match.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } catch (RuntimeException | IOException | ServletException e) {
            // Still recorded: a read that broke is a read someone attempted.
            try {
                record(request, reader.get(), match.get(), HttpStatus.INTERNAL_SERVER_ERROR.value());
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
        RuntimeException failure = null;
        try {
            record(request, reader.get(), match.get(), held.getStatus());
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            held.copyBodyToResponse();
            return;
        }
        log.error("access log unavailable; the read of {} {} is refused", match.get().read().objectType(),
                match.get().objectId(), failure);
        if (response.isCommitted()) {
            // Only an error response is committed before this point (sendError); no data went out.
            return;
        }
        response.reset();
        restoreIds(request, response);
        Problems.write(response, mapper, HttpStatus.SERVICE_UNAVAILABLE,
                "The access log could not record this read, so it is not answered; try again later");
    }

    private void record(HttpServletRequest request, CurrentUser reader, Match match, int status) {
        Object acting = request.getAttribute(ActingRoleInterceptor.ACTING_ROLE_ATTRIBUTE);
        accessLog.append(new AccessRecord(reader.schoolId(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                reader.userId(), acting instanceof Role role ? role.name() : null,
                reader.roles().stream().map(Role::name).sorted().toList(),
                match.read().objectType(), match.objectId(), match.read().view(), request.getMethod(),
                pathAndQuery(request), (String) request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE),
                (String) request.getAttribute(CorrelationIdFilter.REQUEST_ATTRIBUTE), status));
    }

    /** The query matters to an auditor ({@code state?asOf=} says which past was looked at); bounded, as it is the client's text. */
    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH);
    }

    private static void restoreIds(HttpServletRequest request, HttpServletResponse response) {
        Object correlationId = request.getAttribute(CorrelationIdFilter.CORRELATION_ATTRIBUTE);
        Object requestId = request.getAttribute(CorrelationIdFilter.REQUEST_ATTRIBUTE);
        if (correlationId != null) {
            response.setHeader(CorrelationIdFilter.CORRELATION_HEADER, correlationId.toString());
        }
        if (requestId != null) {
            response.setHeader(CorrelationIdFilter.REQUEST_HEADER, requestId.toString());
        }
    }

    private static Optional<CurrentUser> currentUser() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(CurrentUser.of(token.getToken()));
        }
        return Optional.empty();
    }
}
