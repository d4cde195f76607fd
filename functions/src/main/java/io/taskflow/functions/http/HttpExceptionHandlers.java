package io.taskflow.functions.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.taskflow.functions.event.EventTooLargeException;
import io.taskflow.functions.outbox.CorrelationIds;
import io.taskflow.functions.ratelimit.RateLimitedException;
import jakarta.inject.Singleton;

/** Problems found by the HTTP layer itself, before a use case runs. */
final class HttpExceptionHandlers {
    private HttpExceptionHandlers() {}

    @Singleton
    static final class Malformed implements ExceptionHandler<MalformedBodyException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, MalformedBodyException e) {
            return Problem.of(HttpStatus.BAD_REQUEST, "malformed-request", e.getMessage())
                    .withCorrelationId(CorrelationIds.of(request))
                    .toResponse();
        }
    }

    @Singleton
    static final class KeyReused implements ExceptionHandler<IdempotencyKeyReusedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotencyKeyReusedException e) {
            return Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage())
                    .withCorrelationId(CorrelationIds.of(request))
                    .toResponse();
        }
    }

    @Singleton
    static final class RateLimited implements ExceptionHandler<RateLimitedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RateLimitedException e) {
            return RateLimitFilter.tooMany(request, e);
        }
    }

    /** A backstop: the field limits keep every accepted request's event under the broker's size limit. */
    @Singleton
    static final class EventTooLarge implements ExceptionHandler<EventTooLargeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, EventTooLargeException e) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "event-too-large", e.getMessage())
                    .withCorrelationId(CorrelationIds.of(request))
                    .toResponse();
        }
    }
}
