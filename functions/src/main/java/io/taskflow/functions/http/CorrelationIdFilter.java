package io.taskflow.functions.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.taskflow.functions.outbox.CorrelationIds;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the caller's {@code X-Correlation-Id} when it is well formed, or makes one, and echoes it on the response. The
 * events a request causes carry it, so one id follows the work from HTTP to every consumer; every log line written
 * while serving the request carries it too ({@code correlationId} in the MDC).
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class CorrelationIdFilter implements Ordered {
    static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Before security, so that a refused request (401) carries the id too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.before();
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SAFE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setAttribute(CorrelationIds.ATTRIBUTE, id);
        RequestLogContext.put(context, RequestLogContext.CORRELATION_ID, id);
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CorrelationIds.ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }
}
