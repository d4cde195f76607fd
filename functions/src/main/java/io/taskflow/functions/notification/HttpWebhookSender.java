package io.taskflow.functions.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.notification.Notification;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.core.notification.WebhookMessage;
import io.taskflow.core.port.WebhookSender;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Posts webhooks as Standard Webhooks defines them: headers {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature} ({@code v1,} and the Base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed
 * with the user's secret). Redirects are not followed: a 3xx is a failure, like any other non-2xx answer.
 */
@Singleton
public class HttpWebhookSender implements WebhookSender {
    public static final String USER_AGENT = "Taskflow-Webhooks/1";

    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient client;

    public HttpWebhookSender(JsonMapper json, @Value("${taskflow.webhook.timeout:5s}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The body: the notification, with the type of the event that caused it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(
            UUID id,
            String type,
            Instant timestamp,
            UUID causeEventId,
            UUID userId,
            UUID taskId,
            String title,
            String message) {
        static Body of(Notification n) {
            return new Body(
                    n.id(),
                    n.causeType().typeName(),
                    n.createdAt(),
                    n.causeEventId(),
                    n.userId(),
                    n.taskId(),
                    n.title(),
                    n.message());
        }
    }

    @Override
    public SendOutcome send(WebhookMessage message) {
        String body = body(message.notification());
        long timestamp = message.timestamp().getEpochSecond();
        var request = HttpRequest.newBuilder(message.target().url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", message.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", sign(message, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? SendOutcome.sent() : new SendOutcome.Failed("HTTP " + status);
        } catch (IOException e) {
            return new SendOutcome.Failed(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Failed("interrupted");
        }
    }

    private String body(Notification notification) {
        try {
            return new String(json.writeValueAsBytes(Body.of(notification)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(WebhookMessage message, long timestamp, String body) {
        try {
            return new Webhook(message.target().key()).sign(message.webhookId(), timestamp, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            // The secret was checked when it was stored and HmacSHA256 is in every JDK: a bug, not a delivery failure.
            throw new IllegalStateException("cannot sign webhook " + message.webhookId() + ": " + e.getMessage(), e);
        }
    }
}
