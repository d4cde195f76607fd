package io.taskflow.adapters.azure.secrets;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The Azure SDK's shared pieces: the function's identity (in Azure its managed identity, named by {@code
 * AZURE_CLIENT_ID} when user-assigned; elsewhere whatever DefaultAzureCredential finds: environment, Azure CLI) and
 * the HTTP transport. The credential fetches no token until a client needs one.
 */
@Factory
class AzureClients {

    @Singleton
    HttpClient httpClient(@Value("${taskflow.azure.http-timeout:10s}") Duration timeout) {
        return new AzureJdkHttpClient(timeout);
    }

    @Singleton
    TokenCredential credential(HttpClient httpClient) {
        return new DefaultAzureCredentialBuilder().httpClient(httpClient).build();
    }

    @Singleton
    @Requires(property = KeyVaultSecrets.VAULT_URL)
    SecretClient secretClient(
            @Value("${" + KeyVaultSecrets.VAULT_URL + "}") String vaultUrl,
            TokenCredential credential,
            HttpClient httpClient) {
        return new SecretClientBuilder()
                .vaultUrl(vaultUrl)
                .credential(credential)
                .httpClient(httpClient)
                .buildClient();
    }
}
