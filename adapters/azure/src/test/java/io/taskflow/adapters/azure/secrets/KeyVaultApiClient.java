package io.taskflow.adapters.azure.secrets;

import com.azure.core.credential.AccessToken;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import reactor.core.publisher.Mono;

/**
 * In a context started with {@code taskflow.test.key-vault-api=true}: the app's SecretClient, built as the app builds
 * it, but over {@link KeyVaultApi} holding the three secrets Terraform stores, with a fixed token.
 */
@Factory
@Requires(property = "taskflow.test.key-vault-api", value = "true")
class KeyVaultApiClient {
    static final String DATABASE_PASSWORD = "password-from-the-vault";
    static final String SIGNING_SECRET = "signing-secret-from-the-vault-0123456789abcdef";

    @Singleton
    @Replaces(value = SecretClient.class, factory = AzureClients.class)
    SecretClient secretClient() {
        var vault = new KeyVaultApi();
        vault.put("database-password", DATABASE_PASSWORD);
        vault.put("jwt-signing-secret", SIGNING_SECRET);
        vault.put("encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return new SecretClientBuilder()
                .vaultUrl(KeyVaultApi.VAULT)
                .credential(request -> Mono.just(new AccessToken(
                        KeyVaultApi.TOKEN, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))))
                .httpClient(vault)
                .buildClient();
    }
}
