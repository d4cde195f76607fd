package io.taskflow.adapters.gcp.replay;

import com.google.cloud.functions.HttpRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the Functions Framework hands it to an HTTP function, from a captured request (method, path with
 * its query, headers, body) rather than a live connection: the local replay's input, and what a local server builds
 * from each request it takes.
 */
@Serdeable
public record CapturedRequest(
        String method,
        String path,
        @Nullable Map<String, List<String>> headers,
        @Nullable String body) implements HttpRequest {

    public CapturedRequest {
        // Header names compare without case, as the Functions Framework's do.
        var byName = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        }
        headers = byName;
        body = body == null ? "" : body;
    }

    public static CapturedRequest of(String method, String path, Map<String, List<String>> headers, byte[] body) {
        return new CapturedRequest(method, path, headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getUri() {
        return "http://localhost" + path;
    }

    @Override
    public String getPath() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    @Override
    public Optional<String> getQuery() {
        int q = path.indexOf('?');
        return q < 0 ? Optional.empty() : Optional.of(path.substring(q + 1));
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
        var parameters = new LinkedHashMap<String, List<String>>();
        getQuery().ifPresent(query -> {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        });
        return parameters;
    }

    @Override
    public Map<String, HttpPart> getParts() {
        throw new IllegalStateException("the API takes no multipart bodies");
    }

    @Override
    public Optional<String> getContentType() {
        return getFirstHeader("Content-Type");
    }

    @Override
    public long getContentLength() {
        return bytes().length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
        return Optional.of("UTF-8");
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes());
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    private byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
