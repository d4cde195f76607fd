package io.taskflow.functions.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/** Puts the caller's user id into the log context of an authenticated request; runs once security knows it. */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class CallerLogContextFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        request.getUserPrincipal(Authentication.class)
                .ifPresent(caller -> RequestLogContext.put(context, RequestLogContext.USER_ID, caller.getName()));
    }
}
