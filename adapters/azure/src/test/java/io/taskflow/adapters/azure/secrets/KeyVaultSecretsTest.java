package io.taskflow.adapters.azure.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class KeyVaultSecretsTest {
    private final KeyVaultApi vault = new KeyVaultApi();
    private final List<String> scopes = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T20:00:00Z"));

    private KeyVaultSecrets secrets() {
        TokenCredential credential = request -> {
            scopes.addAll(request.getScopes());
            return Mono.just(new AccessToken(
                    KeyVaultApi.TOKEN, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
        };
        SecretClient client = new SecretClientBuilder()
                .vaultUrl(KeyVaultApi.VAULT)
                .credential(credential)
                .httpClient(vault)
                .buildClient();
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new KeyVaultSecrets(client, Duration.ofMinutes(5), clock);
    }

    @Test
    void aSecretIsReadByItsNameWithABearerTokenForTheVaultsScope() {
        vault.put("jwt-signing-secret", "s3cret-signing-key");

        var value = secrets().find("jwt-signing-secret");

        assertThat(value).contains("s3cret-signing-key");
        assertThat(scopes).containsExactly("https://vault.azure.net/.default");
        // The SDK learns the vault's authority from a 401 challenge once per vault and JVM (its cache is static), so
        // an unauthenticated request may come first; the read itself carries the token.
        List<String> requests = vault.requests();
        assertThat(requests.subList(0, requests.size() - 1)).allMatch(r -> r.endsWith(" null"));
        assertThat(requests.get(requests.size() - 1))
                .matches("GET /secrets/jwt-signing-secret/?\\?api-version=[0-9-]+(-preview)? Bearer "
                        + KeyVaultApi.TOKEN);
    }

    @Test
    void aSecretTheVaultDoesNotHaveIsAbsentRatherThanAnError() {
        assertThat(secrets().find("encryption-key")).isEmpty();
    }

    @Test
    void aValueIsKeptForTheCacheTimeAndThenReadAgainSoARotationIsSeen() {
        vault.put("encryption-key", "first");
        KeyVaultSecrets secrets = secrets();

        String first = secrets.find("encryption-key").orElseThrow();
        int requestsForFirst = vault.requests().size();
        vault.put("encryption-key", "rotated");
        now.set(now.get().plus(Duration.ofMinutes(4)));
        String cached = secrets.find("encryption-key").orElseThrow();
        int requestsWhileCached = vault.requests().size();
        now.set(now.get().plus(Duration.ofMinutes(2)));
        String later = secrets.find("encryption-key").orElseThrow();

        assertThat(first).isEqualTo("first");
        assertThat(cached).isEqualTo("first");
        assertThat(requestsWhileCached).isEqualTo(requestsForFirst);
        assertThat(later).isEqualTo("rotated");
    }

    @Test
    void theJdkTransportCarriesTheSdksRequestAndAnswerWholeOverRealHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var seen = new AtomicReference<String>();
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("x-ms-client-request-id") + " "
                    + new String(body, StandardCharsets.UTF_8));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-ms-request-id", "r-1");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            var request = new HttpRequest(
                            HttpMethod.PUT,
                            new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/echo?api-version=1"))
                    .setHeader(HttpHeaderName.X_MS_CLIENT_REQUEST_ID, "c-1")
                    .setBody("{\"value\":\"v\"}");

            HttpResponse response =
                    new AzureJdkHttpClient(Duration.ofSeconds(5)).send(request).block();

            assertThat(response.getStatusCode()).isEqualTo(201);
            assertThat(response.getHeaders().getValue(HttpHeaderName.fromString("x-ms-request-id")))
                    .isEqualTo("r-1");
            assertThat(response.getBodyAsString().block()).isEqualTo("{\"ok\":true}");
            assertThat(seen.get()).isEqualTo("PUT /echo?api-version=1 c-1 {\"value\":\"v\"}");
        } finally {
            server.stop(0);
        }
    }
}
