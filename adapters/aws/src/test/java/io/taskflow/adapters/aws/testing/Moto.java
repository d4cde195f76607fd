package io.taskflow.adapters.aws.testing;

import io.taskflow.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A moto server (the AWS emulator) on a free port, one per test JVM: Secrets Manager and EventBridge Scheduler
 * answer there. Without moto the tests that need it are skipped, except under CI, where they fail.
 */
final class Moto {
    private final Process process;
    private final int port;

    private Moto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Moto start() {
        Optional<Path> binary = find();
        if (binary.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("moto_server is not installed: pip install 'moto[server]'");
            }
            Assumptions.abort("moto_server is not installed");
        }
        int port = FreePorts.free();
        try {
            Process process = new ProcessBuilder(
                            binary.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Awaitility.await("moto on port " + port)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> accepts(port) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue());
            }
            return new Moto(process, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server", e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void stop() {
        process.destroy();
    }

    private static Optional<Path> find() {
        Stream<Path> candidates = Stream.concat(
                Optional.ofNullable(System.getenv("MOTO_SERVER")).map(Path::of).stream(),
                Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                                .filter(dir -> !dir.isBlank())
                                .map(dir -> Path.of(dir, "moto_server")),
                        Stream.of(Path.of("/root/.pyenv/shims/moto_server"), Path.of("/usr/local/bin/moto_server"))));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
