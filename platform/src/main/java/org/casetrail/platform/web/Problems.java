package org.casetrail.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Builds the problem+json bodies of api.md (RFC 9457), and writes them from filters. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:casetrail:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + kind));
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation",
                "The request is not valid: " + errors.stream().map(FieldError::field).distinct().toList());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** For filters and security handlers, which run before Spring MVC's exception handling. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = of(status, status.name().toLowerCase().replace('_', '-'), detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** One offending field; {@code field} is the JSON path as the client sent it, e.g. {@code subject.type}. */
    public record FieldError(String field, String message) {
    }
}
