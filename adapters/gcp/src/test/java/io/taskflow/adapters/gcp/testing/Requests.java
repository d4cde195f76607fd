package io.taskflow.adapters.gcp.testing;

import com.google.cloud.functions.HttpFunction;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.replay.CapturedRequest;
import io.taskflow.adapters.gcp.replay.CapturedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Captured HTTP requests kept as JSON fixtures, and a way to run one through an HTTP function. */
public final class Requests {
    private Requests() {}

    /** A fixture from {@code src/test/resources/payloads}, with its {@code ${NAME}} placeholders filled in. */
    public static String load(String name, Map<String, String> values) {
        try (InputStream in = Requests.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var entry : values.entrySet()) {
                text = text.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CapturedResponse call(
            HttpFunction function, JsonMapper json, String fixture, Map<String, String> values) throws Exception {
        var response = new CapturedResponse();
        function.service(json.readValue(load(fixture, values), CapturedRequest.class), response);
        return response;
    }

    public static String body(CapturedResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
