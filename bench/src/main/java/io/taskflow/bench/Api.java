package io.taskflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The calls the harness makes itself: registering and logging in the bench users, and the requests of the load. */
final class Api implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-password-1234";

    record User(String id, String email, String token) {}

    private final String baseUrl;
    private final ExecutorService executor;
    private final HttpClient client;

    Api(String baseUrl, int threads) {
        this.baseUrl = baseUrl;
        this.executor = Executors.newFixedThreadPool(threads);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    HttpClient client() {
        return client;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Registers and logs in {@code count} new users, a few at a time. */
    List<User> newUsers(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var futures = new ArrayList<CompletableFuture<User>>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + run + "-" + i + "@example.com";
            futures.add(send(post(
                            "/auth/register",
                            null,
                            json("email", email, "password", PASSWORD, "displayName", "Bench " + i)))
                    .thenCompose(registered -> {
                        String id = field(registered, 201, "id");
                        return send(post("/auth/login", null, json("email", email, "password", PASSWORD)))
                                .thenApply(login -> new User(id, email, field(login, 200, "accessToken")));
                    }));
            if (futures.size() % 32 == 0) {
                futures.get(futures.size() - 1).join();
            }
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    HttpRequest createTask(String token, String title) {
        return post("/tasks", token, json("title", title, "priority", "MEDIUM"));
    }

    HttpRequest listTasks(String token) {
        return get("/tasks?limit=20", token);
    }

    HttpRequest getTask(String token, String id) {
        return get("/tasks/" + id, token);
    }

    HttpRequest completeTask(String token, String id) {
        return post("/tasks/" + id + "/complete", token, "");
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    static String field(HttpResponse<String> response, int expected, String name) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode node = JSON.readTree(response.body()).get(name);
            if (node == null) {
                throw new IllegalStateException("no " + name + " in " + response.body());
            }
            return node.asText();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static String json(String... pairs) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
