package io.taskflow.functions.outbox;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** The correlation id of the work in progress: the HTTP request's, when there is one. */
@Singleton
public class CorrelationIds {
    public static final String ATTRIBUTE = "taskflow.correlationId";

    public String current() {
        return ServerRequestContext.currentRequest().map(CorrelationIds::of).orElse(null);
    }

    /** The id the correlation filter gave this request, or null when the filter did not run. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
