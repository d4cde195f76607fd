package io.taskflow.adapters.localkafka.dapr;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprPubsubProtos;
import io.dapr.v1.DaprSecretProtos;
import io.dapr.v1.DaprStateProtos;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Dapr sidecar in the test JVM, at the protocol level: the sidecar's gRPC API (the SDK's own generated service base,
 * {@link DaprGrpc.DaprImplBase}) for pub/sub, state (with Dapr's ETag and first-write rules) and secrets, and its HTTP
 * API for service invocation, which it forwards to the app registered under the app id, and its outbound health check.
 * It records what it was asked.
 */
public final class InProcessDaprSidecar implements AutoCloseable {
    private static final Context.Key<String> TRACEPARENT = Context.key("traceparent");
    private static final Metadata.Key<String> TRACEPARENT_HEADER =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    /** One event the app published. */
    public record Published(
            String pubsub,
            String topic,
            String contentType,
            Map<String, String> metadata,
            byte[] data,
            String traceparent) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** One service invocation the app made through this sidecar. */
    public record Invocation(String appId, String method, String httpMethod, String authorization, int status) {}

    private record Stored(ByteString value, String etag) {}

    public final List<Published> published = new CopyOnWriteArrayList<>();
    public final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    public final List<String> secretsAsked = new CopyOnWriteArrayList<>();
    public final List<String> stateKeysRead = new CopyOnWriteArrayList<>();
    /** Secrets by store, then name. */
    public final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    /** Where invocations of each app id go. */
    public final Map<String, URI> apps = new ConcurrentHashMap<>();
    /** Run once, just before the next save of the key is checked: another writer slipping in. */
    public final Map<String, Runnable> beforeNextSave = new ConcurrentHashMap<>();

    private final Map<String, Stored> state = new ConcurrentHashMap<>();
    private final AtomicLong etags = new AtomicLong();
    private final Server grpc;
    private final HttpServer http;
    private final HttpClient forward = HttpClient.newHttpClient();

    public InProcessDaprSidecar() {
        try {
            grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", FreePorts.free()))
                    .addService(ServerInterceptors.intercept(new Api(), new TraceHeaders()))
                    .build()
                    .start();
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1.0/invoke/", this::invoke);
            http.createContext("/v1.0/healthz/outbound", exchange -> {
                try (exchange) {
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            http.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int grpcPort() {
        return grpc.getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** The properties that point an app's Dapr client at this sidecar (the SDK's own names). */
    public Map<String, Object> properties() {
        return Map.of(
                "dapr.sidecar.ip", "127.0.0.1",
                "dapr.grpc.port", grpcPort(),
                "dapr.http.port", httpPort());
    }

    public Map<String, String> valueOf(String store, String key) {
        Stored s = state.get(store + "||" + key);
        return s == null ? null : Map.of("value", s.value().toStringUtf8(), "etag", s.etag());
    }

    /** Another writer replaces the value, as a concurrent request would. */
    public void overwrite(String store, String key, String value) {
        state.put(store + "||" + key, new Stored(ByteString.copyFromUtf8(value), nextEtag()));
    }

    private String nextEtag() {
        return Long.toString(etags.incrementAndGet());
    }

    private final class Api extends DaprGrpc.DaprImplBase {
        @Override
        public void publishEvent(DaprPubsubProtos.PublishEventRequest request, StreamObserver<Empty> answer) {
            published.add(new Published(
                    request.getPubsubName(),
                    request.getTopic(),
                    request.getDataContentType(),
                    Map.copyOf(request.getMetadataMap()),
                    request.getData().toByteArray(),
                    TRACEPARENT.get()));
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void getState(
                DaprStateProtos.GetStateRequest request, StreamObserver<DaprStateProtos.GetStateResponse> answer) {
            stateKeysRead.add(request.getKey());
            Stored stored = state.get(request.getStoreName() + "||" + request.getKey());
            var response = DaprStateProtos.GetStateResponse.newBuilder();
            if (stored != null) {
                response.setData(stored.value()).setEtag(stored.etag());
            }
            answer.onNext(response.build());
            answer.onCompleted();
        }

        /** Dapr's rules: a given ETag must be the stored one; first-write without an ETag only creates. */
        @Override
        public synchronized void saveState(DaprStateProtos.SaveStateRequest request, StreamObserver<Empty> answer) {
            for (CommonProtos.StateItem item : request.getStatesList()) {
                Runnable interleaved = beforeNextSave.remove(item.getKey());
                if (interleaved != null) {
                    interleaved.run();
                }
                String id = request.getStoreName() + "||" + item.getKey();
                Stored current = state.get(id);
                String etag = item.hasEtag() ? item.getEtag().getValue() : "";
                boolean firstWrite = item.getOptions().getConcurrency()
                        == CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_FIRST_WRITE;
                boolean mismatch = !etag.isEmpty()
                        ? current == null || !current.etag().equals(etag)
                        : firstWrite && current != null;
                if (mismatch) {
                    answer.onError(Status.ABORTED
                            .withDescription("failed saving state in state store " + request.getStoreName()
                                    + ": possible etag mismatch. error from state store: ETag does not match")
                            .asRuntimeException());
                    return;
                }
                state.put(id, new Stored(item.getValue(), nextEtag()));
            }
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void deleteState(DaprStateProtos.DeleteStateRequest request, StreamObserver<Empty> answer) {
            state.remove(request.getStoreName() + "||" + request.getKey());
            answer.onNext(Empty.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void getSecret(
                DaprSecretProtos.GetSecretRequest request, StreamObserver<DaprSecretProtos.GetSecretResponse> answer) {
            secretsAsked.add(request.getStoreName() + "/" + request.getKey());
            Map<String, String> store = secrets.get(request.getStoreName());
            if (store == null) {
                answer.onError(Status.INVALID_ARGUMENT
                        .withDescription("secret store " + request.getStoreName() + " not found")
                        .asRuntimeException());
                return;
            }
            String value = store.get(request.getKey());
            if (value == null) {
                answer.onError(Status.NOT_FOUND
                        .withDescription("secret " + request.getKey() + " not found")
                        .asRuntimeException());
                return;
            }
            answer.onNext(DaprSecretProtos.GetSecretResponse.newBuilder()
                    .putData(request.getKey(), value)
                    .build());
            answer.onCompleted();
        }

        @Override
        public void getBulkSecret(
                DaprSecretProtos.GetBulkSecretRequest request,
                StreamObserver<DaprSecretProtos.GetBulkSecretResponse> answer) {
            var response = DaprSecretProtos.GetBulkSecretResponse.newBuilder();
            secrets.getOrDefault(request.getStoreName(), Map.of())
                    .forEach((name, value) -> response.putData(
                            name,
                            DaprSecretProtos.SecretResponse.newBuilder()
                                    .putSecrets(name, value)
                                    .build()));
            answer.onNext(response.build());
            answer.onCompleted();
        }
    }

    /** The SDK sends the caller's trace context as gRPC headers. */
    private static final class TraceHeaders implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            Context context = Context.current().withValue(TRACEPARENT, headers.get(TRACEPARENT_HEADER));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }

    /** {@code /v1.0/invoke/<app-id>/method/<method>}: forwarded to the app as the same HTTP call. */
    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring("/v1.0/invoke/".length());
            int split = path.indexOf("/method/");
            String appId = path.substring(0, split);
            String method = path.substring(split + "/method/".length());
            URI app = apps.get(appId);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (app == null) {
                invocations.add(new Invocation(appId, method, exchange.getRequestMethod(), authorization, 500));
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            var request = HttpRequest.newBuilder(app.resolve("/" + method))
                    .method(
                            exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            invocations.add(
                    new Invocation(appId, method, exchange.getRequestMethod(), authorization, response.statusCode()));
            response.headers()
                    .firstValue("Content-Type")
                    .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        grpc.shutdownNow();
    }
}
