package io.taskflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The application jar run as a process of its own (the application, or only its broker with the {@code broker}
 * command), its output in a log file beside the report.
 */
final class Service implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private Service(String name, Process process, Path log, String baseUrl) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** The Kafka broker alone, on a port of its own, data under {@code dataDir}. */
    static Service broker(Path jar, Path dataDir, int port, Path log) {
        Service broker = start(
                "broker",
                jar,
                List.of("-Xmx512m"),
                List.of("broker"),
                Map.of(
                        "TASKFLOW_DATA_DIR", dataDir.toString(),
                        "TASKFLOW_KAFKA_PORT", String.valueOf(port),
                        "TASKFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free()),
                        "TASKFLOW_LOG_FORMAT", "text"),
                log,
                null);
        broker.awaitLine("Kafka broker ready", Duration.ofSeconds(60));
        return broker;
    }

    /** The application; ready once its readiness probe answers 200. */
    static Service app(String name, Path jar, List<String> jvmArgs, Map<String, String> env, int port, Path log) {
        var allEnv = new java.util.HashMap<>(env);
        allEnv.put("TASKFLOW_HTTP_PORT", String.valueOf(port));
        Service app = start(name, jar, jvmArgs, List.of(), allEnv, log, "http://127.0.0.1:" + port);
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    private static Service start(
            String name,
            Path jar,
            List<String> jvmArgs,
            List<String> args,
            Map<String, String> env,
            Path log,
            String baseUrl) {
        var argv = new ArrayList<String>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmArgs);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new Service(name, builder.start(), log, baseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    private void awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logContains(text)) {
                return;
            }
            failIfExited();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException(name + " did not print '" + text + "' within " + timeout + "; see " + log);
    }

    private void awaitReady(Duration timeout) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var probe = HttpRequest.newBuilder(URI.create(baseUrl + "/health/readiness"))
                .timeout(Duration.ofSeconds(3))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            failIfExited();
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private void failIfExited() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
