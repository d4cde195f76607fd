package io.taskflow.functions.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers that keep browsers from misusing any answer of this API, on every response (errors and 404 included): no
 * content sniffing, no framing, no referrer, nothing cached, no script or style loaded from an answer; HSTS when the
 * request came over TLS (or {@code taskflow.http.hsts} says a proxy in front terminates it).
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class SecurityHeadersFilter implements Ordered {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean hstsBehindProxy;

    SecurityHeadersFilter(@Value("${taskflow.http.hsts:false}") boolean hstsBehindProxy) {
        this.hstsBehindProxy = hstsBehindProxy;
    }

    /** First in, last out: its response half runs after every other filter, on whatever answer they made. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        if (request.isSecure() || hstsBehindProxy) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
