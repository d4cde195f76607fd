package io.taskflow.adapters.localkafka.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the repository's ops/ scripts against the test PostgreSQL, as an operator would. */
final class OpsScript {
    record Run(int exitCode, String output, Duration took) {}

    private OpsScript() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ops"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no ops/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Run run(String script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(
                List.of("sh", root().resolve("ops").resolve(script).toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres"));
        builder.environment().remove("PGDATABASE");
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 5 minutes: " + output);
        }
        return new Run(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - started));
    }
}
