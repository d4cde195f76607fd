package io.taskflow.adapters.localkafka.faults;

import static org.awaitility.Awaitility.await;

import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/taskflow-local.jar}, built by the package phase before the integration
 * tests) as a separate process in external mode, on the test's PostgreSQL database and broker: started, killed with
 * SIGKILL ({@code kill -9}: no shutdown hook, no flush, no commit) and started again on the same port. Its database
 * connections carry {@code application_name} = {@link #name()}, so a test can find (and only touch) its own.
 */
public final class AppProcess implements AutoCloseable {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE.resolve("target/taskflow-local.jar");
    private static final String SECRET = "fault-tests-signing-secret-0123456789abcdef";

    private final String name;
    private final int port = FreePorts.free();
    private final Path log;
    private final List<String> properties;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;

    /** @param properties extra {@code -Dkey=value} options (short timeouts for a CI run) */
    public AppProcess(String name, List<String> properties) {
        this.name = name;
        this.properties = properties;
        try {
            this.log = Files.createTempFile(name, ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the process and waits until it reads ready (database, broker, outbox). */
    public AppProcess start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: it is built by the package phase");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.addAll(properties.stream().map(p -> "-D" + p).toList());
        command.addAll(List.of("-jar", JAR.toString()));
        var pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        String dbUrl = (String) TestStack.get().properties().get("datasources.default.url");
        var env = pb.environment();
        env.put("TASKFLOW_MODE", "external");
        env.put("TASKFLOW_DB_URL", dbUrl + "?ApplicationName=" + name);
        env.put("TASKFLOW_DB_USER", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestStack.get().broker().bootstrapServers());
        env.put("TASKFLOW_SECRET_JWT_SIGNING_SECRET", SECRET);
        env.put("TASKFLOW_SECRET_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("TASKFLOW_HTTP_PORT", Integer.toString(port));
        env.put("TASKFLOW_LOG_FORMAT", "text");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Seconds on a quiet machine; minutes on a busy shared one.
        await(name + " ready")
                .atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(250))
                .until(this::ready);
        return this;
    }

    /** {@code kill -9}: the process ends at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private boolean ready() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
        }
        try {
            var request = HttpRequest.newBuilder(uri().resolve("/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
