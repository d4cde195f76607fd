package io.taskflow.adapters.localkafka.dapr.secrets;

import io.dapr.client.DaprClient;
import io.dapr.exceptions.DaprException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.Secrets;
import io.taskflow.functions.config.ConfiguredSecrets;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(DaprSecrets.class);
    private final DaprClient dapr;
    private final DaprSettings settings;
    private final ConfiguredSecrets configured;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();
    private final Duration startupWait;
    private volatile boolean sidecarSeen;

    public DaprSecrets(
            DaprClient dapr,
            DaprSettings settings,
            Environment environment,
            @Value("${taskflow.dapr.startup-wait:30s}") Duration startupWait) {
        this.dapr = dapr;
        this.settings = settings;
        this.configured = new ConfiguredSecrets(environment);
        this.startupWait = startupWait;
    }

    @Override
    public Optional<String> find(String name) {
        return known.computeIfAbsent(name, n -> fromStore(n).or(() -> configured.find(n)));
    }

    private Optional<String> fromStore(String name) {
        awaitSidecar();
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

    /**
     * The signing key is read while the application starts, which may be before the sidecar has loaded its components:
     * wait for its outbound health (up to {@code taskflow.dapr.startup-wait}) once, then ask.
     */
    private void awaitSidecar() {
        if (sidecarSeen) {
            return;
        }
        try {
            dapr.waitForSidecar((int) startupWait.toMillis()).block(startupWait.plusSeconds(1));
        } catch (RuntimeException e) {
            LOG.warn("the Dapr sidecar did not report healthy within {}: {}", startupWait, e.toString());
        }
        sidecarSeen = true;
    }

    /** Stores answer a missing secret differently (NOT_FOUND, or an error that says so). */
    private static boolean notFound(DaprException e) {
        String text = (e.getErrorCode() + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return text.contains("not_found") || text.contains("not found") || text.contains("does not exist");
    }
}
