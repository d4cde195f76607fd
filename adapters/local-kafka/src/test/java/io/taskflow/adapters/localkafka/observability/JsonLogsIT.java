package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The application logging as it does in production — its own logback.xml, JSON on stdout — while it serves real
 * requests: every line is JSON, lines written for a request carry its correlation id, caller and trace, nothing of it
 * leaks into the next request, and passwords and tokens never reach the output.
 */
class JsonLogsIT {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    /** Loggers turned up for this test, so more of what the framework might say about a request is written. */
    private static final List<String> VERBOSE =
            List.of("io.taskflow", "io.micronaut.http.server", "io.micronaut.security");

    static LogOutput output;
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        TestStack stack = TestStack.get();
        output = LogOutput.capture();
        configureLogging("logback.xml");
        VERBOSE.forEach(name -> loggerContext().getLogger(name).setLevel(Level.DEBUG));
        var properties = new HashMap<>(stack.properties());
        properties.put(LogContextProbeController.ENABLED, "true");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        configureLogging("logback-test.xml");
        output.close();
    }

    @Test
    void everyLineTheApplicationWritesIsAJsonObject() {
        api.newUser();
        List<String> lines = output.lines();

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(json(line)).as(line).containsKeys("@timestamp", "level", "logger_name", "message");
        }
    }

    @Test
    void aLineWrittenForARequestCarriesItsCorrelationIdAndCallerOnTheBlockingPoolAndOnTheEventLoop() {
        var ada = api.newUser();
        for (String path : List.of("blocking", "event-loop")) {
            String correlationId = "it-" + UUID.randomUUID();
            var response =
                    api.send("GET", "/test/log-context/" + path, ada.token(), null, "X-Correlation-Id", correlationId);
            assertThat(response.status()).isEqualTo(200);

            assertThat(mdcOf(response))
                    .as(path)
                    .containsEntry("correlationId", correlationId)
                    .containsEntry("userId", ada.id().toString());
            assertThat(probeLine(correlationId))
                    .as(path)
                    .containsEntry("userId", ada.id().toString())
                    .containsEntry("service", "taskflow");
        }
    }

    @Test
    void nothingOfARequestsContextIsLeftForTheNextRequestOnTheSameThreads() {
        var ada = api.newUser();
        for (int i = 0; i < 10; i++) {
            for (String path : List.of("blocking", "event-loop")) {
                var before = api.send("GET", "/test/log-context/" + path, ada.token(), null);
                String anonymous = "anon-" + UUID.randomUUID();
                var response = api.send("GET", "/test/log-context/" + path, null, null, "X-Correlation-Id", anonymous);

                assertThat(mdcOf(response)).as(path).containsOnlyKeys("correlationId", "traceId", "spanId");
                assertThat(mdcOf(response)).containsEntry("correlationId", anonymous);
                assertThat(mdcOf(response).get("traceId"))
                        .isNotEqualTo(mdcOf(before).get("traceId"));
                assertThat(probeLine(anonymous)).as(path).doesNotContainKey("userId");
            }
        }
    }

    @Test
    void aLineWrittenForARequestCarriesItsTraceWhichContinuesTheCallersTrace() {
        String callersTrace = UUID.randomUUID().toString().replace("-", "");
        String callersSpan = "00f067aa0ba902b7";
        for (String path : List.of("blocking", "event-loop")) {
            String correlationId = "it-" + UUID.randomUUID();
            var response = api.send(
                    "GET",
                    "/test/log-context/" + path,
                    null,
                    null,
                    "X-Correlation-Id",
                    correlationId,
                    "traceparent",
                    "00-" + callersTrace + "-" + callersSpan + "-01");

            Map<String, String> mdc = mdcOf(response);
            assertThat(mdc).as(path).containsEntry("traceId", callersTrace);
            assertThat(mdc.get("spanId")).as(path).matches("[0-9a-f]{16}").isNotEqualTo(callersSpan);
            assertThat(probeLine(correlationId))
                    .as(path)
                    .containsEntry("traceId", callersTrace)
                    .containsEntry("spanId", mdc.get("spanId"));
        }
    }

    @Test
    void registeringAndLoggingInNeverWriteThePasswordOrTheToken() {
        String email = "log-" + UUID.randomUUID() + "@example.com";
        String password = "Pw-" + UUID.randomUUID();
        var registered = api.send(
                "POST",
                "/auth/register",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Logs\"}");
        assertThat(registered.status()).isEqualTo(201);
        var wrong = api.send(
                "POST", "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"x" + password + "\"}");
        assertThat(wrong.status()).isEqualTo(401);
        var login = api.send(
                "POST", "/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String token = login.text("accessToken");
        String correlationId = "it-" + UUID.randomUUID();
        var probe = api.send("GET", "/test/log-context/blocking", token, null, "X-Correlation-Id", correlationId);
        assertThat(probe.status()).isEqualTo(200);

        // The probe wrote the Authorization header into its line; the configuration masked it.
        assertThat((String) probeLine(correlationId).get("message")).contains("Authorization: ****");
        String[] parts = token.split("\\.");
        assertThat(output.text())
                .doesNotContain(password)
                .doesNotContain(token)
                .doesNotContain(parts[1])
                .doesNotContain(parts[2]);
    }

    /** The JSON line the probe wrote for the request with this correlation id. */
    private static Map<String, Object> probeLine(String correlationId) {
        return output.lines().stream()
                .map(JsonLogsIT::json)
                .filter(line -> correlationId.equals(line.get("correlationId")))
                .filter(line -> String.valueOf(line.get("message")).startsWith(LogContextProbeController.MESSAGE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no probe line with correlationId " + correlationId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> mdcOf(Api.Response response) {
        return (Map<String, String>) response.map().get("mdc");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    private static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** Replaces the logging configuration of this JVM with that resource of the classpath. */
    private static void configureLogging(String resource) {
        LoggerContext context = loggerContext();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(JsonLogsIT.class.getClassLoader().getResource(resource));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }
}
