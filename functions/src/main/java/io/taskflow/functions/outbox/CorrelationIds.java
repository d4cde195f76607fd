package io.taskflow.functions.outbox;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** The correlation id of the work in progress: the HTTP request's, when there is one. */
@Singleton
public class CorrelationIds {
    public static final String ATTRIBUTE = "taskflow.correlationId";

    public String current() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ATTRIBUTE, String.class))
                .orElse(null);
    }
}
