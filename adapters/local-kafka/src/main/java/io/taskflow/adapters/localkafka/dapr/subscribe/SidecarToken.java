package io.taskflow.adapters.localkafka.dapr.subscribe;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * When the sidecar is given an app API token ({@code APP_API_TOKEN}, the same variable Dapr reads), it sends it in
 * the {@code dapr-api-token} header of every call to the application: the routes only the sidecar calls (subscriptions,
 * deliveries, cron bindings) then refuse calls without it. Without a token they are open, as the sidecar's own app
 * channel is.
 */
@Singleton
@DaprRuntime
public class SidecarToken {
    public static final String HEADER = "dapr-api-token";

    private final byte[] expected;

    SidecarToken(@Value("${app.api.token:}") String token) {
        this.expected = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws HttpStatusException 401 when a token is set and {@code given} is not it */
    public void check(String given) {
        if (expected == null) {
            return;
        }
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "the dapr-api-token header is missing or wrong");
        }
    }
}
