package io.taskflow.adapters.localkafka.dapr.secrets;

import io.dapr.client.DaprClient;
import io.dapr.exceptions.DaprException;
import io.micronaut.context.env.Environment;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.Secrets;
import io.taskflow.functions.config.ConfiguredSecrets;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets from the Dapr secret store ({@code taskflow.dapr.secret-store}): {@code jwt-signing-secret},
 * {@code db-password}, {@code smtp-password}, {@code encryption-key}. A secret is the value under its own name in what
 * the store returns (a Kubernetes secret may hold several keys), or the only value there is. A secret the store does not
 * have is taken from the configuration as in the Kafka runtime ({@code TASKFLOW_SECRET_<NAME>}), so a development run
 * can do without a store. Values are kept for the life of the process, as the signing key is anyway.
 */
@Singleton
@DaprRuntime
public class DaprSecrets implements Secrets {
    private final DaprClient dapr;
    private final DaprSettings settings;
    private final ConfiguredSecrets configured;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    public DaprSecrets(DaprClient dapr, DaprSettings settings, Environment environment) {
        this.dapr = dapr;
        this.settings = settings;
        this.configured = new ConfiguredSecrets(environment);
    }

    @Override
    public Optional<String> find(String name) {
        return known.computeIfAbsent(name, n -> fromStore(n).or(() -> configured.find(n)));
    }

    private Optional<String> fromStore(String name) {
        Map<String, String> values;
        try {
            values = dapr.getSecret(settings.secretStore(), name).block(settings.timeout());
        } catch (DaprException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw new IllegalStateException(
                    "the Dapr secret store " + settings.secretStore() + " did not give " + name + ": " + e.getMessage(),
                    e);
        }
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.containsKey(name)
                ? values.get(name)
                : values.size() == 1 ? values.values().iterator().next() : null;
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** Stores answer a missing secret differently (NOT_FOUND, or an error that says so). */
    private static boolean notFound(DaprException e) {
        String text = (e.getErrorCode() + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return text.contains("not_found") || text.contains("not found") || text.contains("does not exist");
    }
}
