package io.taskflow.adapters.azure.testing;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.micronaut.azure.function.http.HttpRequestMessageBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Calls through the HTTP trigger's function, as the host hands it a request. */
public final class Api {
    private Api() {}

    public record Response(int status, String body, HttpResponseMessage raw) {
        public String header(String name) {
            return raw.getHeader(name);
        }
    }

    public static Response call(HttpMethod method, String path, String token, String body) {
        HttpRequestMessageBuilder<?> request = AzureTestStack.get().api().request(method, path);
        request.header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.body(body);
        }
        HttpResponseMessage response = AzureTestStack.get().api().invoke(request.buildEncoded(), null);
        Object raw = response.getBody();
        String text = raw == null
                ? ""
                : raw instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : raw.toString();
        return new Response(response.getStatusCode(), text, response);
    }

    /** Registers a new user and logs in: the bearer token. */
    public static String newUser() {
        String email = "azure-" + UUID.randomUUID() + "@example.com";
        Response registered = call(
                HttpMethod.POST,
                "/auth/register",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\"}");
        if (registered.status() != 201) {
            throw new IllegalStateException("register: " + registered);
        }
        Response login = call(
                HttpMethod.POST,
                "/auth/login",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}");
        return Bindings.read(login.body()).get("accessToken").toString();
    }

    /** Creates a task: its id. */
    public static String createTask(String token, String title) {
        Response created = call(HttpMethod.POST, "/tasks", token, "{\"title\":\"" + title + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("create: " + created);
        }
        return Bindings.read(created.body()).get("id").toString();
    }

    public static void updateTask(String token, String id, String title) {
        Response updated = call(HttpMethod.PATCH, "/tasks/" + id, token, "{\"title\":\"" + title + "\"}");
        if (updated.status() != 200) {
            throw new IllegalStateException("update: " + updated);
        }
    }

    public static Map<String, Object> json(Response response) {
        return Bindings.read(response.body());
    }
}
