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
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts webhooks as Standard Webhooks defines them: headers {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature} ({@code v1,} and the Base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed
 * with the user's secret). Redirects are not followed: a 3xx is a failure, like any other non-2xx answer. The
 * connection goes only to addresses {@link WebhookDestinations} checked in this call (its resolver is the client's),
 * so a DNS answer changed since the URL was saved cannot steer a call into the private network.
 */
@Singleton
public class HttpWebhookSender implements WebhookSender {
    public static final String USER_AGENT = "Taskflow-Webhooks/1";
    private static final ContentType JSON = ContentType.create("application/json");

    private final JsonMapper json;
    private final CloseableHttpClient client;

    public HttpWebhookSender(
            JsonMapper json,
            WebhookDestinations destinations,
            @Value("${taskflow.webhook.timeout:5s}") Duration timeout) {
        this.json = json;
        Timeout limit = Timeout.of(timeout);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(destinations))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** Resolves through the destination check: the addresses returned are the only ones the client connects to. */
    private record CheckedResolver(WebhookDestinations destinations) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return destinations.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
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
        var request = new HttpPost(message.target().url());
        request.setHeader("User-Agent", USER_AGENT);
        request.setHeader("webhook-id", message.webhookId());
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", sign(message, timestamp, body));
        // JSON is UTF-8 by definition (RFC 8259): the media type carries no charset, as before.
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        try {
            int status = client.execute(request, response -> response.getCode());
            return status >= 200 && status < 300 ? SendOutcome.sent() : new SendOutcome.Failed("HTTP " + status);
        } catch (WebhookDestinations.ForbiddenDestination e) {
            return new SendOutcome.Failed("forbidden destination: " + e.getMessage());
        } catch (IOException e) {
            return new SendOutcome.Failed(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @PreDestroy
    void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
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
