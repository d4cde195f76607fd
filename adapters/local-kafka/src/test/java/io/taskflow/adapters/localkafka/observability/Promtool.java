package io.taskflow.adapters.localkafka.observability;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Prometheus' promtool. Without it a developer's run skips these checks; CI (env {@code CI=true}) installs it,
 * so there a missing promtool is a failure rather than a silent skip.
 */
final class Promtool {
    private Promtool() {}

    record Result(int exitCode, String output) {}

    static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The promtool to use: skips the calling test when there is none, unless this is CI. */
    static Path require() {
        Optional<Path> promtool = onPath();
        if (promtool.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("promtool is not on the PATH; CI installs it with `apt-get install -y prometheus` (.ci/run)");
            }
            Assumptions.abort("promtool is not on the PATH (apt-get install -y prometheus); skipped outside CI");
        }
        return promtool.get();
    }

    /** Runs promtool with these arguments in that directory, output and errors together. */
    static Result run(Path workDir, String... args) {
        var command = new ArrayList<String>();
        command.add(require().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("promtool " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
