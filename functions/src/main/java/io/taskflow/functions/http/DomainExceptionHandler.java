package io.taskflow.functions.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.taskflow.core.error.ConflictException;
import io.taskflow.core.error.DomainException;
import io.taskflow.core.error.InvalidCredentialsException;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.error.StaleVersionException;
import io.taskflow.core.error.TooManyAttemptsException;
import io.taskflow.functions.outbox.CorrelationIds;
import jakarta.inject.Singleton;
import java.util.List;

/** The one place where the domain's expected outcomes become HTTP statuses and problem types. */
@Singleton
@Requires(classes = ExceptionHandler.class)
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException e) {
        var response = problem(e).withCorrelationId(CorrelationIds.of(request)).toResponse();
        if (e instanceof TooManyAttemptsException tooMany) {
            response.header("Retry-After", Long.toString(tooMany.retryAfter().toSeconds()));
        }
        if (e instanceof InvalidCredentialsException) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }

    static Problem problem(DomainException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problem.of(HttpStatus.BAD_REQUEST, "invalid-input", invalid.field() + " " + invalid.getMessage())
                    .withErrors(List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
        } else if (e instanceof NotFoundException) {
            return Problem.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        } else if (e instanceof StaleVersionException) {
            return Problem.of(HttpStatus.PRECONDITION_FAILED, "stale-version", e.getMessage());
        } else if (e instanceof ConflictException) {
            return Problem.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
        } else if (e instanceof InvalidCredentialsException) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", e.getMessage());
        } else if (e instanceof TooManyAttemptsException) {
            return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", e.getMessage());
        }
        throw new IllegalStateException("unmapped domain exception " + e.getClass());
    }
}
