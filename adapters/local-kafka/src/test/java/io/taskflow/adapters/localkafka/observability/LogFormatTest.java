package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The application's logback.xml (not the tests' logback-test.xml), loaded into a logger context of its own: the
 * format of each line, the request context it carries, and the masking of anything that looks like a secret.
 */
class LogFormatTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String JWT =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEiLCJyb2xlcyI6W119.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    @Test
    void jsonIsTheDefaultOneObjectPerLineWithTheRequestAndTraceContext() {
        var lines = logWith(null, (log, mdc) -> {
            mdc.put("correlationId", "req-42");
            mdc.put("userId", "0190d3f0-0000-7000-8000-000000000001");
            mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            mdc.put("spanId", "00f067aa0ba902b7");
            mdc.put("unrelated", "not a field");
            log.info("task {} created", "t-1");
        });

        assertThat(lines).hasSize(1);
        Map<String, Object> line = json(lines.get(0));
        assertThat(line)
                .containsEntry("message", "task t-1 created")
                .containsEntry("level", "INFO")
                .containsEntry("logger_name", "io.taskflow.test")
                .containsEntry("service", "taskflow")
                .containsEntry("correlationId", "req-42")
                .containsEntry("userId", "0190d3f0-0000-7000-8000-000000000001")
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("spanId", "00f067aa0ba902b7")
                .containsKeys("@timestamp", "thread_name")
                .doesNotContainKey("unrelated");
        assertThat((String) line.get("@timestamp")).endsWith("Z");
    }

    @Test
    void anExceptionStaysOnTheSameLineWithItsStackTrace() {
        var lines = logWith(null, (log, mdc) -> log.error("relay failed", new IllegalStateException("broker down")));

        assertThat(lines).hasSize(1);
        assertThat((String) json(lines.get(0)).get("stack_trace"))
                .contains("IllegalStateException: broker down")
                .contains("at ");
    }

    @Test
    void textFormatIsAReadableLineWithTheRequestContext() {
        var lines = logWith("text", (log, mdc) -> {
            mdc.put("correlationId", "req-43");
            mdc.put("userId", "user-9");
            log.info("task {} created", "t-2");
        });

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .doesNotStartWith("{")
                .contains("INFO")
                .contains("[req-43 user-9]")
                .endsWith("task t-2 created");
    }

    @Test
    void secretsInMessagesAreMaskedInBothFormats() {
        for (String format : new String[] {null, "text"}) {
            String output = String.join("\n", logWith(format, (log, mdc) -> {
                log.info("login body {\"email\":\"ada@example.com\",\"password\":\"hunter2-horse\"}");
                log.info("jdbc:postgresql://db/taskflow?user=app&password=pg-pass-123");
                log.info("Authorization: Bearer {}", JWT);
                log.info("issued {}", JWT);
                log.info("config secret: s3cr3t-value, api_key=k-123");
            }));

            assertThat(output)
                    .as(format == null ? "json" : format)
                    .doesNotContain("hunter2-horse")
                    .doesNotContain("pg-pass-123")
                    .doesNotContain("c2lnbmF0dXJlLW9mLXRoZS10b2tlbg")
                    .doesNotContain("s3cr3t-value")
                    .doesNotContain("k-123")
                    .contains("ada@example.com")
                    .contains("password=****");
        }
    }

    @Test
    void structuredFieldsNamedLikeSecretsAreMasked() {
        var lines = logWith(
                null,
                (log, mdc) -> log.info(
                        "login",
                        StructuredArguments.keyValue("email", "ada@example.com"),
                        StructuredArguments.keyValue("password", "hunter2-horse"),
                        StructuredArguments.keyValue("accessToken", "opaque-token-value")));

        Map<String, Object> line = json(lines.get(0));
        assertThat(line)
                .containsEntry("email", "ada@example.com")
                .containsEntry("password", "****")
                .containsEntry("accessToken", "****");
    }

    @Test
    void wordsThatOnlyNameASecretAreLeftAlone() {
        String message = "No JWT signing secret is configured: generated a random one for this run."
                + " Tokens stop working when the process restarts; set TASKFLOW_SECRET_JWT_SIGNING_SECRET to keep them.";
        var lines = logWith(null, (log, mdc) -> log.warn(message));

        assertThat(json(lines.get(0))).containsEntry("message", message);
    }

    interface Logging {
        void run(Logger log, LogbackMDCAdapter mdc);
    }

    /** Logs through the application's configuration with that TASKFLOW_LOG_FORMAT and returns the lines written. */
    private static List<String> logWith(String format, Logging logging) {
        var context = new LoggerContext();
        var mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        if (format != null) {
            context.putProperty("TASKFLOW_LOG_FORMAT", format);
        }
        try (var output = LogOutput.capture()) {
            configure(context, applicationConfiguration());
            logging.run(context.getLogger("io.taskflow.test"), mdc);
            context.stop();
            return output.lines();
        } finally {
            mdc.clear();
        }
    }

    private static URL applicationConfiguration() {
        URL url = LogFormatTest.class.getClassLoader().getResource("logback.xml");
        assertThat(url).as("the application's logback.xml").isNotNull();
        return url;
    }

    private static void configure(LoggerContext context, URL configuration) {
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("logback configuration problems")
                .noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
