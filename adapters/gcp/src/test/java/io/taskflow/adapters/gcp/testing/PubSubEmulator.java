package io.taskflow.adapters.gcp.testing;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Pub/Sub emulator of the Google Cloud SDK, as a process on a free loopback port, and plaintext admin clients
 * for it (the Java client does not read PUBSUB_EMULATOR_HOST).
 */
public final class PubSubEmulator {
    private final Process process;
    private final String host;
    private final ManagedChannel channel;

    private PubSubEmulator(Process process, String host) {
        this.process = process;
        this.host = host;
        this.channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
    }

    public static PubSubEmulator start() throws IOException {
        Path script = sdkRoot().resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator");
        if (!Files.isExecutable(script)) {
            String missing = "the Pub/Sub emulator is not installed at " + script;
            // A developer without the Cloud SDK still runs the rest; CI has it, and may not skip.
            if (!"true".equals(System.getenv("CI"))) {
                Assumptions.abort(missing);
            }
            throw new IllegalStateException(missing);
        }
        int port = FreePorts.free();
        Path log = Files.createTempFile("pubsub-emulator", ".log");
        Process process = new ProcessBuilder(script.toString(), "--host=127.0.0.1", "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Awaitility.await("the Pub/Sub emulator on port " + port)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> listening(port));
        return new PubSubEmulator(process, "127.0.0.1:" + port);
    }

    /** host:port, as {@code taskflow.gcp.pubsub.emulator-host} takes it. */
    public String host() {
        return host;
    }

    public ManagedChannel channel() {
        return channel;
    }

    public FixedTransportChannelProvider channels() {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    public TopicAdminClient topics() {
        try {
            return TopicAdminClient.create(TopicAdminSettings.newBuilder()
                    .setTransportChannelProvider(channels())
                    .setCredentialsProvider(NoCredentialsProvider.create())
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SubscriptionAdminClient subscriptions() {
        try {
            return SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                    .setTransportChannelProvider(channels())
                    .setCredentialsProvider(NoCredentialsProvider.create())
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        channel.shutdownNow();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static Path sdkRoot() {
        String configured = System.getenv("CLOUDSDK_ROOT_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Process gcloud = new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
                    .redirectErrorStream(false)
                    .start();
            String root = new String(gcloud.getInputStream().readAllBytes()).strip();
            gcloud.waitFor();
            return Path.of(root.isEmpty() ? "/usr/lib/google-cloud-sdk" : root);
        } catch (IOException e) {
            return Path.of("/usr/lib/google-cloud-sdk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Path.of("/usr/lib/google-cloud-sdk");
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
