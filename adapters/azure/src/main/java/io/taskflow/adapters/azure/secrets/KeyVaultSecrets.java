package io.taskflow.adapters.azure.secrets;

import com.azure.core.exception.ResourceNotFoundException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
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

/**
 * Secrets from Azure Key Vault: the secret {@code <name>} is the vault's secret of the same name (Key Vault names
 * allow letters, digits and dashes, as Taskflow's do: {@code jwt-signing-secret}, {@code encryption-key}), its current
 * version. Each is kept for {@code taskflow.azure.keyvault.cache-ttl} (5 minutes), so a warm instance does not call
 * the vault on every invocation and still sees a rotated value soon. A disabled or deleted secret reads as absent.
 */
@Singleton
@Requires(property = KeyVaultSecrets.VAULT_URL)
public class KeyVaultSecrets implements Secrets {
    public static final String VAULT_URL = "taskflow.azure.keyvault.url";

    private final SecretClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<String> value, Instant until) {}

    @Inject
    KeyVaultSecrets(SecretClient client, @Value("${taskflow.azure.keyvault.cache-ttl:5m}") Duration ttl) {
        this(client, ttl, Clock.systemUTC());
    }

    KeyVaultSecrets(SecretClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> value = fetch(name);
        cache.put(name, new Cached(value, now.plus(ttl)));
        return value;
    }

    private Optional<String> fetch(String name) {
        try {
            KeyVaultSecret secret = client.getSecret(name);
            return Optional.ofNullable(secret.getValue()).filter(v -> !v.isBlank());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
