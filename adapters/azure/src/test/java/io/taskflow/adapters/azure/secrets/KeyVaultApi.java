package io.taskflow.adapters.azure.secrets;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * Answers the SDK's requests as Key Vault's REST API does, through the SDK's own pluggable transport: a request
 * without a bearer token gets the 401 challenge naming the tenant and the vault resource (this SDK version sends its
 * token for the vault's scope at once, so it is not asked for here), a wrong token 403; {@code GET
 * /secrets/{name}/?api-version=…} with one gets the secret bundle, or 404 {@code SecretNotFound}. What it proves: the
 * SDK's client, its challenge authentication and its reading of the answers, as configured here; not the network, TLS,
 * nor Entra ID's side.
 */
final class KeyVaultApi implements HttpClient {
    static final String VAULT = "https://taskflow-test.vault.azure.net";
    static final String TOKEN = "token-for-the-vault";

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    void put(String name, String value) {
        secrets.put(name, value);
    }

    /** Each request as {@code METHOD path?query authorization}, in order. */
    List<String> requests() {
        return requests;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        String authorization = request.getHeaders().getValue(HttpHeaderName.AUTHORIZATION);
        requests.add(request.getHttpMethod() + " " + request.getUrl().getPath() + "?"
                + request.getUrl().getQuery() + " " + authorization);
        if (authorization == null) {
            var headers = new HttpHeaders()
                    .set(
                            HttpHeaderName.WWW_AUTHENTICATE,
                            "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\","
                                    + " resource=\"https://vault.azure.net\"");
            return Mono.just(answer(request, 401, headers, "{\"error\":{\"code\":\"Unauthorized\"}}"));
        }
        if (!authorization.equals("Bearer " + TOKEN)) {
            return Mono.just(answer(request, 403, new HttpHeaders(), "{\"error\":{\"code\":\"Forbidden\"}}"));
        }
        String path = request.getUrl().getPath();
        if (!path.startsWith("/secrets/")) {
            return Mono.just(answer(request, 400, new HttpHeaders(), "{\"error\":{\"code\":\"BadParameter\"}}"));
        }
        String name = path.substring("/secrets/".length()).replaceAll("/$", "");
        String value = secrets.get(name);
        if (value == null) {
            return Mono.just(answer(
                    request,
                    404,
                    new HttpHeaders(),
                    "{\"error\":{\"code\":\"SecretNotFound\",\"message\":\"A secret with (name/id) " + name
                            + " was not found in this key vault.\"}}"));
        }
        String bundle = "{\"value\":\"" + value + "\",\"id\":\"" + VAULT + "/secrets/" + name
                + "/4387e9f3d6e14c459867679a90fd0f79\",\"attributes\":{\"enabled\":true,\"created\":1795873272,"
                + "\"updated\":1795873272,\"recoveryLevel\":\"Recoverable+Purgeable\"}}";
        return Mono.just(answer(request, 200, new HttpHeaders(), bundle));
    }

    private static HttpResponse answer(HttpRequest request, int status, HttpHeaders headers, String body) {
        headers.set(HttpHeaderName.CONTENT_TYPE, "application/json; charset=utf-8");
        return new AzureJdkHttpClient.Buffered(request, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
