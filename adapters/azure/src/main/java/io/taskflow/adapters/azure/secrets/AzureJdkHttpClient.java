package io.taskflow.adapters.azure.secrets;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's HTTP transport over the JDK's own client. The SDK's default transport is reactor-netty, whose Netty
 * would sit beside the platform's newer one; Key Vault and Entra ID calls are few and small, so a buffered client of
 * the JDK does. Bodies are read whole.
 */
public final class AzureJdkHttpClient implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration timeout;

    public AzureJdkHttpClient(Duration timeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> exchange(request));
    }

    private HttpResponse exchange(HttpRequest request) throws IOException, InterruptedException, URISyntaxException {
        BinaryData body = request.getBodyAsBinaryData();
        var builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI())
                .timeout(timeout)
                .method(
                        request.getHttpMethod().name(),
                        body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.toBytes()));
        for (HttpHeader header : request.getHeaders()) {
            if (!RESTRICTED.contains(header.getName().toLowerCase(java.util.Locale.ROOT))) {
                for (String value : header.getValuesList()) {
                    builder.header(header.getName(), value);
                }
            }
        }
        java.net.http.HttpResponse<byte[]> response = client.send(builder.build(), BodyHandlers.ofByteArray());
        var headers = new HttpHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.set(HttpHeaderName.fromString(name), values);
            }
        });
        return new Buffered(request, response.statusCode(), headers, response.body());
    }

    /** A response read whole. */
    static final class Buffered extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        Buffered(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
            super(request);
            this.status = status;
            this.headers = headers;
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
