package io.taskflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** An external tool run to completion, with the command line kept for the report. */
record Command(List<String> argv, Map<String, String> env, Path workDir) {

    record Result(int exit, String output) {}

    Command(List<String> argv) {
        this(argv, Map.of(), Path.of("."));
    }

    Result run(Duration timeout) {
        try {
            var builder = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            var output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output lost: ").append(e.getMessage()).append(')');
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(display() + " ran longer than " + timeout);
            }
            reader.join();
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + display() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + display(), e);
        }
    }

    /** Succeeds or says what the tool printed. */
    String runOrFail(Duration timeout) {
        Result result = run(timeout);
        if (result.exit() != 0) {
            throw new IllegalStateException(display() + " exited " + result.exit() + ":\n" + result.output());
        }
        return result.output();
    }

    /** The command as a reader would type it; long values (tokens, event bodies) are shortened. */
    String display() {
        String vars = env.keySet().stream().sorted().map(k -> k + "=…").collect(Collectors.joining(" "));
        String line = argv.stream().map(Command::shown).collect(Collectors.joining(" "));
        return vars.isEmpty() ? line : vars + " " + line;
    }

    private static String shown(String arg) {
        String s = arg.length() > 80 ? arg.substring(0, 40) + "…" : arg;
        return s.matches("[\\w./:=@,+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
