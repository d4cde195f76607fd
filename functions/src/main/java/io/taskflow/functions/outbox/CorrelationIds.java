package io.taskflow.functions.outbox;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.taskflow.functions.tracing.LogContext;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

/**
 * The correlation id of the work in progress: the HTTP request's, when there is one; else the one of the event a
 * consumer is handling (its span puts it in the logging context), so events a consumer writes keep the id of the
 * request that started the chain.
 */
@Singleton
public class CorrelationIds {
    public static final String ATTRIBUTE = "taskflow.correlationId";

    public String current() {
        return ServerRequestContext.currentRequest()
                .map(CorrelationIds::of)
                .orElseGet(() -> MDC.get(LogContext.CORRELATION_ID));
    }

    /** The id the correlation filter gave this request, or null when the filter did not run. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
