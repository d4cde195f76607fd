package io.taskflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose validates the stack's file as Compose itself reads it (no Docker engine needed). Without
 * docker-compose a developer's run skips this; CI (env CI=true) installs it (.ci/run), so there it never skips.
 */
class ComposeConfigTest {

    @Test
    void dockerComposeAcceptsTheStackWithAndWithoutTheExampleEnvironment() throws Exception {
        String composeBinary = dockerCompose();
        Path root = RepoFiles.root();
        assertValid(List.of(composeBinary, "-f", "local/docker-compose.yml", "config", "-q"), root);
        assertValid(
                List.of(
                        composeBinary,
                        "-f",
                        "local/docker-compose.yml",
                        "--env-file",
                        "local/.env.example",
                        "config",
                        "-q"),
                root);
    }

    @Test
    void dockerComposeRefusesABrokenStackSoTheCheckAbove() throws Exception {
        String composeBinary = dockerCompose();
        Path broken = Files.createTempFile("compose-broken", ".yml");
        try {
            Files.writeString(
                    broken,
                    "services:\n  app:\n    image: x:1\n    depends_on:\n      missing:\n"
                            + "        condition: service_healthy\n");
            Result result = run(List.of(composeBinary, "-f", broken.toString(), "config", "-q"), RepoFiles.root());
            assertThat(result.exitCode()).as(result.output()).isNotZero();
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static void assertValid(List<String> command, Path dir) throws Exception {
        Result result = run(command, dir);
        assertThat(result.exitCode()).as("%s:%n%s", command, result.output()).isZero();
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String dockerCompose() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "docker-compose");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(
                    "docker-compose is not on the PATH; CI installs it with `apt-get install -y docker-compose` (.ci/run)");
        }
        Assumptions.abort("docker-compose is not on the PATH (apt-get install -y docker-compose); skipped outside CI");
        return null;
    }
}
