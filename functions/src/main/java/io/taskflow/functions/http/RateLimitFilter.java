package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.taskflow.functions.outbox.CorrelationIds;
import io.taskflow.functions.ratelimit.RateLimitNames;
import io.taskflow.functions.ratelimit.RateLimitedException;
import io.taskflow.functions.ratelimit.RateLimits;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Counts writes per caller and register/login calls per client address, after security has named the caller; over the
 * limit the request is answered 429 with {@code Retry-After} before any controller runs, so it changes nothing.
 * Reads are not limited here: they change nothing and their page sizes are capped.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class RateLimitFilter implements Ordered {
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RateLimits writes;
    private final RateLimits auth;

    RateLimitFilter(
            @Named(RateLimitNames.WRITES) RateLimits writes, @Named(RateLimitNames.AUTH_BY_ADDRESS) RateLimits auth) {
        this.writes = writes;
        this.auth = auth;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        try {
            if (request.getPath().startsWith("/auth/")) {
                auth.check(request.getRemoteAddress().getAddress().getHostAddress());
            } else {
                request.getUserPrincipal(Authentication.class).ifPresent(caller -> writes.check(caller.getName()));
            }
            return null;
        } catch (RateLimitedException e) {
            return tooMany(request, e);
        }
    }

    static HttpResponse<Problem> tooMany(HttpRequest<?> request, RateLimitedException e) {
        return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage())
                .withCorrelationId(CorrelationIds.of(request))
                .toResponse()
                .header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
}
