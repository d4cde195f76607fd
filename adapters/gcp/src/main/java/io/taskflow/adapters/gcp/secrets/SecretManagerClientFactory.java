package io.taskflow.adapters.gcp.secrets;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Secret Manager client: the service with the function's service account by default; a plaintext endpoint without
 * credentials only where {@code taskflow.gcp.secrets.endpoint} names a local stand-in.
 */
@Factory
@Requires(property = "taskflow.gcp.secrets.enabled", notEquals = "false")
class SecretManagerClientFactory {
    private SecretManagerServiceClient client;
    private ManagedChannel channel;

    @Singleton
    SecretManagerServiceClient secretManager(@Value("${taskflow.gcp.secrets.endpoint:}") String endpoint) {
        try {
            if (endpoint.isBlank()) {
                client = SecretManagerServiceClient.create();
            } else {
                channel =
                        ManagedChannelBuilder.forTarget(endpoint).usePlaintext().build();
                client = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder()
                        .setTransportChannelProvider(
                                FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
                        .setCredentialsProvider(NoCredentialsProvider.create())
                        .build());
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Secret Manager client", e);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
