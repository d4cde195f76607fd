package io.taskflow.adapters.localkafka.testing;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A plain HTTP client for the API under test: real requests over loopback, JSON read into maps. */
public final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    public Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public record Response(int status, Map<String, List<String>> headers, String body, JsonMapper json) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String text(String field) {
            Object v = map().get(field);
            return v == null ? null : v.toString();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) map().get("items");
        }
    }

    /** A registered, logged-in user. */
    public record User(UUID id, String email, String token) {}

    public User newUser() {
        return newUser("user-" + UUID.randomUUID() + "@example.com");
    }

    public User newUser(String email) {
        var registered = send(
                "POST",
                "/auth/register",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"correct-horse\",\"displayName\":\"Test\"}");
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.body());
        }
        var login = send("POST", "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"correct-horse\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        return new User(UUID.fromString(registered.text("id")), email, login.text("accessToken"));
    }

    public Response send(String method, String path, String token, String body, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, User user) {
        return send("GET", path, user.token(), null);
    }

    public Response post(String path, User user, String body, String... headers) {
        return send("POST", path, user.token(), body, headers);
    }

    public Response createTask(User user, String title) {
        var r = post("/tasks", user, "{\"title\":\"" + title + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("create failed: " + r.status() + " " + r.body());
        }
        return r;
    }
}
