package io.taskflow.adapters.aws.secrets;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The Secrets Manager client: the JDK's HTTP connection (the lightest client to start, which counts at a cold start),
 * region and credentials from the function's environment; an endpoint override only for an emulator.
 */
@Factory
@Requires(property = "taskflow.aws.secrets.enabled", notEquals = "false")
class SecretsManagerClientFactory {
    private SecretsManagerClient client;

    @Singleton
    SecretsManagerClient secretsManager(
            @Value("${taskflow.aws.endpoint-override:}") String endpoint,
            @Value("${taskflow.aws.region:}") String region) {
        SecretsManagerClientBuilder builder =
                SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (!region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        client = builder.build();
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
