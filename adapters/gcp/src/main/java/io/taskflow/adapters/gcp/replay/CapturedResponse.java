package io.taskflow.adapters.gcp.replay;

import com.google.cloud.functions.HttpResponse;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The response an HTTP function writes, kept in memory: status, headers and body, read once the function returned. */
public final class CapturedResponse implements HttpResponse {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private BufferedWriter writer;
    private int status = 200;

    @Override
    public void setStatusCode(int code) {
        status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
        status = code;
    }

    @Override
    public void setContentType(String contentType) {
        headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    }

    @Override
    public Optional<String> getContentType() {
        return Optional.ofNullable(headers.get("Content-Type")).map(values -> values.get(0));
    }

    @Override
    public void appendHeader(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public ByteArrayOutputStream getOutputStream() {
        return body;
    }

    @Override
    public synchronized BufferedWriter getWriter() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return body.toByteArray();
    }
}
