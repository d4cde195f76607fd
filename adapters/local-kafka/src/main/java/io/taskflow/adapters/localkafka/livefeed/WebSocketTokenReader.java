package io.taskflow.adapters.localkafka.livefeed;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the access token from the {@code access_token} query parameter of a WebSocket handshake. Only there: in any
 * other URL a token would end up in access logs and browser history.
 */
@Singleton
public class WebSocketTokenReader implements TokenReader<HttpRequest<?>> {
    static final String PARAMETER = "access_token";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().startsWith("/ws/")) {
            return Optional.empty();
        }
        return request.getParameters().getFirst(PARAMETER).filter(t -> !t.isBlank());
    }
}
