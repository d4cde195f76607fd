package io.taskflow.adapters.gcp.secrets;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.port.Secrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets from Google Secret Manager: the secret {@code <name>} is the latest version of the Secret Manager secret
 * {@code <prefix><name>} in the function's project (by default {@code taskflow-jwt-signing-secret}). Each is kept for
 * {@code taskflow.gcp.secrets.cache-ttl} (5 minutes), so a warm function does not call the service on every invocation
 * and still sees a new version soon. A secret that does not exist, or has no enabled version, is absent.
 */
@Singleton
@Requires(property = "taskflow.gcp.secrets.enabled", notEquals = "false")
public class SecretManagerSecrets implements Secrets {
    private final SecretManagerServiceClient client;
    private final String project;
    private final String prefix;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<String> value, Instant until) {}

    @Inject
    SecretManagerSecrets(
            SecretManagerServiceClient client,
            @Value("${taskflow.gcp.project-id}") String project,
            @Value("${taskflow.gcp.secrets.prefix:taskflow-}") String prefix,
            @Value("${taskflow.gcp.secrets.cache-ttl:5m}") Duration ttl) {
        this(client, project, prefix, ttl, Clock.systemUTC());
    }

    SecretManagerSecrets(SecretManagerServiceClient client, String project, String prefix, Duration ttl, Clock clock) {
        this.client = client;
        this.project = project;
        this.prefix = prefix;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String name) {
        return byId(prefix + name);
    }

    /** A secret by its id in the project, without the prefix (the database password is named in full). */
    public Optional<String> byId(String secretId) {
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> value = fetch(secretId);
        cache.put(secretId, new Cached(value, now.plus(ttl)));
        return value;
    }

    private Optional<String> fetch(String secretId) {
        try {
            String value = client.accessSecretVersion(SecretVersionName.of(project, secretId, "latest"))
                    .getPayload()
                    .getData()
                    .toString(StandardCharsets.UTF_8);
            return Optional.of(value).filter(v -> !v.isBlank());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
