package io.taskflow.adapters.aws.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.taskflow.adapters.aws.replay.ReplayContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The raw trigger payloads kept as JSON fixtures, and a way to run one through a handler as Lambda does. */
public final class Payloads {
    private Payloads() {}

    /** A fixture from {@code src/test/resources/payloads}, with its {@code ${NAME}} placeholders filled in. */
    public static String load(String name, Map<String, String> values) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
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

    public static String load(String name) {
        return load(name, Map.of());
    }

    /** Invokes the handler with the payload and returns its raw answer. */
    public static String invoke(RequestStreamHandler handler, String payload) {
        var out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                    out,
                    new ReplayContext(handler.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
