package io.taskflow.adapters.aws.secrets;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.port.Secrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets from AWS Secrets Manager: the secret {@code <name>} is the Secrets Manager secret {@code <prefix><name>}
 * (by default {@code taskflow/jwt-signing-secret}). Each is kept for {@code taskflow.aws.secrets.cache-ttl} (5
 * minutes), so a warm function does not call the service on every invocation and still sees a rotated value soon.
 */
@Singleton
@Requires(property = "taskflow.aws.secrets.enabled", notEquals = "false")
public class SecretsManagerSecrets implements Secrets {
    private final SecretsManagerClient client;
    private final String prefix;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<String> value, Instant until) {}

    @Inject
    SecretsManagerSecrets(
            SecretsManagerClient client,
            @Value("${taskflow.aws.secrets.prefix:taskflow/}") String prefix,
            @Value("${taskflow.aws.secrets.cache-ttl:5m}") Duration ttl) {
        this(client, prefix, ttl, Clock.systemUTC());
    }

    SecretsManagerSecrets(SecretsManagerClient client, String prefix, Duration ttl, Clock clock) {
        this.client = client;
        this.prefix = prefix;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String name) {
        return byId(prefix + name);
    }

    /** A secret by its full name or ARN (the database credentials RDS manages are named by ARN). */
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

    /** Forgets every cached value: after a SnapStart restore, values from the snapshot may be stale. */
    public void invalidate() {
        cache.clear();
    }

    private Optional<String> fetch(String secretId) {
        try {
            return Optional.ofNullable(
                            client.getSecretValue(r -> r.secretId(secretId)).secretString())
                    .filter(v -> !v.isBlank());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
