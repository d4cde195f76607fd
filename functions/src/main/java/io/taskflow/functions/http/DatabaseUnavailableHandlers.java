package io.taskflow.functions.http;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import io.taskflow.functions.outbox.CorrelationIds;
import io.taskflow.functions.persistence.DatabaseUnavailable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed because the database is away answers 503 problem+json with {@code Retry-After}: nothing was
 * changed, and the same request may succeed in a moment. Any other data-access failure stays a 500 that says only
 * "an unexpected error occurred" and is logged with its correlation id.
 */
final class DatabaseUnavailableHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandlers.class);
    static final String RETRY_AFTER_SECONDS = "2";

    private DatabaseUnavailableHandlers() {}

    static HttpResponse<Problem> answer(HttpRequest<?> request, RuntimeException e) {
        String correlationId = CorrelationIds.of(request);
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warn("database unavailable, answered 503 [{}]: {}", correlationId, e.toString());
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; retry later")
                    .withCorrelationId(correlationId)
                    .toResponse()
                    .header("Retry-After", RETRY_AFTER_SECONDS);
        }
        LOG.error("unexpected data access failure [{}]", correlationId, e);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred")
                .withCorrelationId(correlationId)
                .toResponse();
    }

    @Singleton
    static final class DataAccess implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
            return answer(request, e);
        }
    }

    /** Thrown by the connection layer when setting up or cleaning up a connection fails. */
    @Singleton
    static final class Connection
            implements ExceptionHandler<
                    io.micronaut.data.connection.exceptions.ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(
                HttpRequest request, io.micronaut.data.connection.exceptions.ConnectionException e) {
            return answer(request, e);
        }
    }

    /** Thrown when the pool gives no connection in time (Hikari's {@code connection-timeout}). */
    @Singleton
    static final class NoConnection
            implements ExceptionHandler<
                    io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException,
                    HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(
                HttpRequest request, io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException e) {
            return answer(request, e);
        }
    }

    @Singleton
    static final class Transaction implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException e) {
            return answer(request, e);
        }
    }
}
