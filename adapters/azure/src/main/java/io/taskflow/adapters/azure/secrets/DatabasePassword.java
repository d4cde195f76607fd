package io.taskflow.adapters.azure.secrets;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * Fills the database password from the Key Vault secret named by {@code taskflow.azure.keyvault.database-password}
 * (Terraform generates it and stores it there) before the connection pool is made: the password is never in the
 * function app's settings.
 */
@Singleton
@Requires(property = KeyVaultSecrets.VAULT_URL)
@Requires(property = DatabasePassword.SECRET)
class DatabasePassword implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String SECRET = "taskflow.azure.keyvault.database-password";

    private final KeyVaultSecrets secrets;
    private final String name;

    DatabasePassword(KeyVaultSecrets secrets, @Value("${" + SECRET + "}") String name) {
        this.secrets = secrets;
        this.name = name;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.setPassword(secrets.find(name)
                .orElseThrow(() -> new ConfigurationException("the Key Vault has no database password " + name)));
        return config;
    }
}
