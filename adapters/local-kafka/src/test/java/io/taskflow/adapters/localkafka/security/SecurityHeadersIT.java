package io.taskflow.adapters.localkafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer, success or error, tells browsers not to sniff, frame, cache or leak it. */
class SecurityHeadersIT {
    static EmbeddedServer server;
    static Api api;
    static Api.User ada;

    @BeforeAll
    static void start() {
        server = Probes.start(Map.of());
        api = Probes.api(server);
        ada = api.newUser();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> answers() {
        return Stream.of("ok", "created", "unauthorized", "not found", "malformed", "too large", "probe");
    }

    @ParameterizedTest
    @MethodSource("answers")
    void givenAnyAnswerThenItCarriesTheSecurityHeaders(String kind) {
        Api.Response r = switch (kind) {
            case "ok" -> api.get("/tasks", ada);
            case "created" -> api.post("/tasks", ada, "{\"title\":\"headers\"}");
            case "unauthorized" -> api.send("GET", "/tasks", null, null);
            case "not found" -> api.get("/no/such/route", ada);
            case "malformed" -> api.post("/tasks", ada, "{not json");
            case "too large" -> api.post("/tasks", ada, "{\"title\":\"" + "x".repeat(1_100_000) + "\"}");
            default -> api.send("GET", "/health/liveness", null, null);
        };

        assertThat(r.status()).isBetween(200, 499);
        assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.header("X-Frame-Options")).contains("DENY");
        assertThat(r.header("Referrer-Policy")).contains("no-referrer");
        assertThat(r.header("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(r.header("Cache-Control")).contains("no-store");
        // Plain HTTP here: HSTS only comes over TLS (HttpsServerIT) or when a proxy in front says so.
        assertThat(r.header("Strict-Transport-Security")).isEmpty();
    }
}
