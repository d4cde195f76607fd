package io.taskflow.adapters.azure.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.azure.function.FunctionApplication;
import io.taskflow.core.port.Secrets;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyVaultWiringTest {

    @Test
    void withAVaultConfiguredTheAppReadsItsSecretsAndTheDatabasePasswordFromKeyVaultAndNotFromItsSettings() {
        PostgresTestDatabase database = PostgresTestDatabase.create("taskflow_azure_vault");
        Map<String, Object> settings = Map.of(
                "taskflow.test.key-vault-api", "true",
                "taskflow.azure.keyvault.url", KeyVaultApi.VAULT,
                "taskflow.azure.keyvault.database-password", "database-password",
                "datasources.default.url", database.url(),
                "datasources.default.username", PostgresTestDatabase.USER,
                "datasources.default.password", "not-the-password",
                "taskflow.secret.jwt-signing-secret", "not-the-signing-secret-from-the-settings-0123456789");

        try (ApplicationContext context = FunctionApplication.builder(settings).start()) {
            Secrets secrets = context.getBean(Secrets.class);

            assertThat(secrets).isInstanceOf(KeyVaultSecrets.class);
            assertThat(secrets.find(Secrets.JWT_SIGNING_SECRET)).contains(KeyVaultApiClient.SIGNING_SECRET);
            assertThat(context.getBean(DatasourceConfiguration.class).getPassword())
                    .isEqualTo(KeyVaultApiClient.DATABASE_PASSWORD);
        }
    }
}
