package io.taskflow.adapters.gcp.secrets;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * Fills the database password from the Secret Manager secret named by {@code taskflow.gcp.secrets.database-password}
 * (Terraform creates it with the Cloud SQL user) before the connection pool is made. The password is never in the
 * function's configuration or environment.
 */
@Singleton
@Requires(property = "taskflow.gcp.secrets.database-password")
@Requires(property = "taskflow.gcp.secrets.enabled", notEquals = "false")
class DatabasePassword implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final SecretManagerSecrets secrets;
    private final String secretId;

    DatabasePassword(
            SecretManagerSecrets secrets, @Value("${taskflow.gcp.secrets.database-password}") String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.setPassword(secrets.byId(secretId)
                .orElseThrow(() -> new ConfigurationException(
                        "the database password secret " + secretId + " does not exist or has no enabled version")));
        return config;
    }
}
