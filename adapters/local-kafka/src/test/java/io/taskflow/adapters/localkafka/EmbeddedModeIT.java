package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar the way the README's quick start does (embedded mode, nothing else running) and runs the
 * README's walk-through block as written, against it.
 */
class EmbeddedModeIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE.resolve("target/taskflow-local.jar");
    private static final Path README = MODULE.resolve("../../README.md").normalize();

    @TempDir
    Path dataDir;

    private Process app;
    private final int httpPort = FreePorts.free();
    private final int kafkaPort = FreePorts.free();
    private final int controllerPort = FreePorts.free();

    @AfterEach
    void stopApp() throws InterruptedException {
        stop();
    }

    @Test
    void theReadmeWalkThroughWorksAsWrittenAgainstTheEmbeddedMode() throws Exception {
        start();
        String url = "http://localhost:" + httpPort;

        String output = runWalkThrough(url);

        assertThat(output).contains("\"email\":\"ada@example.com\"");
        Matcher created = Pattern.compile("created ([0-9a-f-]{36})").matcher(output);
        assertThat(created.find()).as(output).isTrue();
        String taskId = created.group(1);
        assertThat(output).contains("\"title\":\"Write the report\"").contains("\"status\":\"COMPLETED\"");

        // The walk-through's events reached the embedded broker.
        try (var reader = new TopicReader("127.0.0.1:" + kafkaPort, "task.created", "task.completed")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.poll().stream()
                            .filter(r -> taskId.equals(r.key()))
                            .map(TopicReader.Received::topic)
                            .toList()
                            .containsAll(List.of("task.created", "task.completed")));
        }

        // Everything lives under the data directory: a restart finds the user and the task again.
        stop();
        start();
        String token = login(url);
        var list = send(HttpRequest.newBuilder(URI.create(url + "/tasks")).header("Authorization", "Bearer " + token));
        assertThat(list.body()).contains(taskId).contains("\"status\":\"COMPLETED\"");
    }

    private void start() throws IOException {
        assertThat(JAR).as("the quick start's jar; built by the package phase").exists();
        var pb = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", JAR.toString())
                .directory(MODULE.resolve("../..").normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile());
        pb.environment()
                .putAll(Map.of(
                        "TASKFLOW_DATA_DIR", dataDir.resolve("data").toString(),
                        "TASKFLOW_HTTP_PORT", Integer.toString(httpPort),
                        "TASKFLOW_KAFKA_PORT", Integer.toString(kafkaPort),
                        "TASKFLOW_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort)));
        pb.environment().remove("TASKFLOW_MODE");
        long started = System.nanoTime();
        app = pb.start();
        // The issue asks for the API to be ready in under a minute.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(this::ready);
        System.out.printf("embedded mode ready in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private boolean ready() throws IOException {
        if (!app.isAlive()) {
            throw new IllegalStateException("the application exited:\n" + Files.readString(dataDir.resolve("app.log")));
        }
        try {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/readiness")))
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy(); // SIGTERM: the shutdown hook closes the application, then the broker
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        app = null;
    }

    private String runWalkThrough(String url) throws Exception {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile(
                        "<!-- walkthrough:start -->\\s*```bash\\n(.*?)```\\s*<!-- walkthrough:end -->", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("the README holds the walk-through block").isTrue();
        String script = block.group(1).replace("http://localhost:8080", url);
        var bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }

    private String login(String url) throws Exception {
        var r = send(HttpRequest.newBuilder(URI.create(url + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"ada@example.com\",\"password\":\"correct-horse-battery\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
