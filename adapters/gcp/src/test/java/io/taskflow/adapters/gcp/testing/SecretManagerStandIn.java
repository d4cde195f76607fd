package io.taskflow.adapters.gcp.testing;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secret Manager's gRPC contract on a loopback port: the {@code AccessSecretVersion} method of {@code
 * google.cloud.secretmanager.v1.SecretManagerService}, with the client library's own request and response messages,
 * answering from a map ({@code NOT_FOUND} for a secret it does not hold, as the service does). Secret Manager has no
 * emulator; the adapter's real client talks to this over a real channel.
 */
public final class SecretManagerStandIn {
    private static final MethodDescriptor<AccessSecretVersionRequest, AccessSecretVersionResponse> ACCESS =
            MethodDescriptor.<AccessSecretVersionRequest, AccessSecretVersionResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(
                            "google.cloud.secretmanager.v1.SecretManagerService", "AccessSecretVersion"))
                    .setRequestMarshaller(ProtoUtils.marshaller(AccessSecretVersionRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(AccessSecretVersionResponse.getDefaultInstance()))
                    .build();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> accessed = new CopyOnWriteArrayList<>();
    private final Server server;
    private final int port;

    private SecretManagerStandIn(int port) throws IOException {
        this.port = port;
        ServerServiceDefinition service = ServerServiceDefinition.builder(
                        "google.cloud.secretmanager.v1.SecretManagerService")
                .addMethod(ACCESS, ServerCalls.asyncUnaryCall((request, response) -> {
                    accessed.add(request.getName());
                    SecretVersionName name = SecretVersionName.parse(request.getName());
                    String value = secrets.get(name.getProject() + "/" + name.getSecret());
                    if (value == null || !"latest".equals(name.getSecretVersion())) {
                        response.onError(Status.NOT_FOUND
                                .withDescription("Secret [" + request.getName() + "] not found or has no versions.")
                                .asRuntimeException());
                        return;
                    }
                    response.onNext(AccessSecretVersionResponse.newBuilder()
                            .setName(request.getName())
                            .setPayload(SecretPayload.newBuilder()
                                    .setData(ByteString.copyFrom(value, StandardCharsets.UTF_8)))
                            .build());
                    response.onCompleted();
                }))
                .build();
        this.server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(service)
                .build()
                .start();
    }

    public static SecretManagerStandIn start() throws IOException {
        return new SecretManagerStandIn(FreePorts.free());
    }

    public void put(String project, String secretId, String value) {
        secrets.put(project + "/" + secretId, value);
    }

    /** The secret version names asked for, in order. */
    public List<String> accessed() {
        return List.copyOf(accessed);
    }

    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    public void stop() {
        server.shutdownNow();
    }
}
