package io.taskflow.adapters.localkafka.livefeed;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.taskflow.functions.livefeed.LiveFeed;
import java.util.UUID;

/**
 * {@code GET /ws/tasks}: the caller's task events, as CloudEvents JSON text frames, while the connection is open. The
 * handshake is authenticated like any request (a bearer token, or {@code access_token} for browsers, which cannot set
 * headers on a WebSocket).
 */
@ServerWebSocket("/ws/tasks")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TaskFeedSocket {
    private static final String SUBSCRIPTION = "taskflow.subscription";

    private final LiveFeed feed;

    public TaskFeedSocket(LiveFeed feed) {
        this.feed = feed;
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> request) {
        UUID user = request.getUserPrincipal(Authentication.class)
                .map(a -> UUID.fromString(a.getName()))
                .orElseThrow(() -> new IllegalStateException("an authenticated handshake has a principal"));
        Runnable unsubscribe = feed.subscribe(user, message -> session.sendAsync(message));
        session.put(SUBSCRIPTION, unsubscribe);
    }

    /** The feed is one-way; what a client sends is ignored. */
    @OnMessage
    public void message(String ignored, WebSocketSession session) {}

    @OnClose
    public void close(WebSocketSession session) {
        session.get(SUBSCRIPTION, Runnable.class).ifPresent(Runnable::run);
    }
}
