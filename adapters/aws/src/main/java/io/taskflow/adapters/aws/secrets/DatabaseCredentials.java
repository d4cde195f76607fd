package io.taskflow.adapters.aws.secrets;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Fills the database user and password from the Secrets Manager secret RDS keeps for the instance (JSON with {@code
 * username} and {@code password}), named by {@code taskflow.aws.secrets.database}, before the connection pool is made.
 * The password is never in the function's configuration.
 */
@Singleton
@Requires(property = "taskflow.aws.secrets.database")
@Requires(property = "taskflow.aws.secrets.enabled", notEquals = "false")
class DatabaseCredentials implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final SecretsManagerSecrets secrets;
    private final JsonMapper json;
    private final String secretId;

    DatabaseCredentials(
            SecretsManagerSecrets secrets,
            JsonMapper json,
            @Value("${taskflow.aws.secrets.database}") String secretId) {
        this.secrets = secrets;
        this.json = json;
        this.secretId = secretId;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String value = secrets.byId(secretId)
                .orElseThrow(() -> new ConfigurationException("the database secret " + secretId + " does not exist"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> credentials = json.readValue(value, Map.class);
            Object username = credentials.get("username");
            Object password = credentials.get("password");
            if (username == null || password == null) {
                throw new ConfigurationException("the database secret " + secretId + " has no username or password");
            }
            config.setUsername(username.toString());
            config.setPassword(password.toString());
        } catch (IOException e) {
            throw new ConfigurationException("the database secret " + secretId + " is not JSON");
        }
        return config;
    }
}
