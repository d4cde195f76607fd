package io.taskflow.adapters.localkafka.dapr;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;
import io.dapr.config.Property;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The one Dapr client of the process, and the component names it talks to. */
@Factory
@DaprRuntime
class DaprFactory {

    /**
     * The SDK reads its own settings ({@code DAPR_GRPC_PORT}, {@code DAPR_HTTP_PORT}, {@code DAPR_API_TOKEN}, ...) from
     * the environment and system properties. The same names given as application properties ({@code dapr.grpc.port},
     * which is also where Micronaut maps {@code DAPR_GRPC_PORT}) are passed on as overrides, so a test or a config file
     * can point the client at a sidecar too.
     */
    @Singleton
    @Bean(preDestroy = "close")
    DaprClient daprClient(Environment environment) {
        Map<Property<?>, String> overrides = new HashMap<>();
        override(environment, overrides, "dapr.sidecar.ip", Properties.SIDECAR_IP);
        override(environment, overrides, "dapr.grpc.port", Properties.GRPC_PORT);
        override(environment, overrides, "dapr.http.port", Properties.HTTP_PORT);
        override(environment, overrides, "dapr.grpc.endpoint", Properties.GRPC_ENDPOINT);
        override(environment, overrides, "dapr.http.endpoint", Properties.HTTP_ENDPOINT);
        override(environment, overrides, "dapr.api.token", Properties.API_TOKEN);
        return new DaprClientBuilder().withPropertyOverrides(overrides).build();
    }

    @Singleton
    DaprSettings daprSettings(
            @Value("${taskflow.dapr.pubsub:taskflow-pubsub}") String pubsub,
            @Value("${taskflow.dapr.state-store:taskflow-state}") String stateStore,
            @Value("${taskflow.dapr.secret-store:taskflow-secrets}") String secretStore,
            @Value("${taskflow.dapr.app-id-prefix:taskflow-}") String appIdPrefix,
            @Value("${taskflow.dapr.timeout:10s}") Duration timeout) {
        return new DaprSettings(pubsub, stateStore, secretStore, appIdPrefix, timeout);
    }

    private static void override(
            Environment environment, Map<Property<?>, String> overrides, String name, Property<?> property) {
        environment
                .getProperty(name, String.class)
                .filter(v -> !v.isBlank())
                .ifPresent(v -> overrides.put(property, v));
    }
}
