package org.casetrail.platform.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetrail.platform.domain.DomainRuleViolation;
import org.casetrail.platform.domain.NotFound;
import org.casetrail.platform.domain.StateConflict;
import org.casetrail.platform.web.ProblemHandling;
import org.casetrail.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Axon's own failures as problems; ordered before the general handler's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemHandling {

    // Stateless: shares the general handler's problem shapes without depending on its bean.
    private final ProblemHandling problems = new ProblemHandling();

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentModification(ConcurrencyException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this at the same time; reload and try again");
        problem.setTitle("Concurrent modification");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return problems.notFound(ex);
    }

    /** Axon wraps what a handler throws when it crosses a bus boundary; unwrap our own kinds. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DomainRuleViolation violation) {
            return problems.ruleViolation(violation);
        }
        if (cause instanceof StateConflict conflict) {
            return problems.stateConflict(conflict);
        }
        if (cause instanceof NotFound notFound) {
            return problems.notFound(notFound);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrentModification(concurrency);
        }
        return problems.unexpected(ex);
    }
}
