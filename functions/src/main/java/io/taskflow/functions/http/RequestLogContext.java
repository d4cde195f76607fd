package io.taskflow.functions.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The request's keys in the logging MDC. A request hops threads (event loop, then the blocking pool the controllers
 * run on), so the keys are not put on the current thread but into the request's propagated context: Micronaut sets
 * them on every thread while it works for this request and restores that thread's previous MDC afterwards, so
 * nothing leaks into the next request the thread serves.
 */
final class RequestLogContext {
    static final String CORRELATION_ID = "correlationId";
    static final String USER_ID = "userId";

    private RequestLogContext() {}

    static void put(MutablePropagatedContext context, String key, String value) {
        var current = context.getContext().find(MdcPropagationContext.class);
        Map<String, String> state = new HashMap<>();
        current.map(MdcPropagationContext::state).ifPresent(state::putAll);
        state.put(key, value);
        var next = new MdcPropagationContext(Map.copyOf(state));
        current.ifPresentOrElse(old -> context.replace(old, next), () -> context.add(next));
    }
}
