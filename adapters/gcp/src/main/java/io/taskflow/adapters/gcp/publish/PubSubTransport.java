package io.taskflow.adapters.gcp.publish;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.stub.PublisherStubSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * How this instance reaches Pub/Sub: the service with the function's own service account (the client's defaults), or
 * an emulator named by {@code taskflow.gcp.pubsub.emulator-host}, over plaintext and without credentials. The Java
 * client does not read {@code PUBSUB_EMULATOR_HOST} itself, so the channel is built here.
 */
@Singleton
public class PubSubTransport {
    private final String project;
    private final ManagedChannel emulatorChannel;

    PubSubTransport(
            @Value("${taskflow.gcp.project-id}") String project,
            @Value("${taskflow.gcp.pubsub.emulator-host:}") String emulatorHost) {
        if (project.isBlank()) {
            throw new IllegalArgumentException("taskflow.gcp.project-id (GOOGLE_CLOUD_PROJECT) is required");
        }
        this.project = project;
        this.emulatorChannel = emulatorHost.isBlank()
                ? null
                : ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
    }

    public String project() {
        return project;
    }

    public String topic(String name) {
        return "projects/" + project + "/topics/" + name;
    }

    public TransportChannelProvider channels() {
        return emulatorChannel == null
                ? PublisherStubSettings.defaultTransportChannelProvider()
                : FixedTransportChannelProvider.create(GrpcTransportChannel.create(emulatorChannel));
    }

    public CredentialsProvider credentials() {
        return emulatorChannel == null
                ? PublisherStubSettings.defaultCredentialsProviderBuilder().build()
                : NoCredentialsProvider.create();
    }

    @PreDestroy
    void close() {
        if (emulatorChannel != null) {
            emulatorChannel.shutdownNow();
        }
    }
}
