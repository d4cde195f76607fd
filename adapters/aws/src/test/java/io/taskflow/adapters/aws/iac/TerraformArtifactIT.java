package io.taskflow.adapters.aws.iac;

import static io.taskflow.testsupport.TerraformFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.testsupport.TerraformFiles;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Runs after packaging: the jar Terraform deploys holds every handler it names, and what they read at start. */
class TerraformArtifactIT {

    @Test
    void theBuiltArtifactHoldsEveryHandlerClassTheTerraformNames() throws Exception {
        Path jar = Path.of("target", "taskflow-aws.jar");
        assertThat(jar).exists();
        assertThat(map(TerraformFiles.of("aws").root("variable").get("artifact"))
                        .get("default")
                        .toString())
                .endsWith("adapters/aws/target/taskflow-aws.jar");

        try (var artifact = new JarFile(jar.toFile())) {
            for (String handler : TerraformTest.handlers()) {
                assertThat(artifact.getEntry(handler.replace('.', '/') + ".class"))
                        .as(handler)
                        .isNotNull();
            }
            assertThat(artifact.getEntry("application.yml")).isNotNull();
            assertThat(artifact.getEntry("taskflow-defaults.yml")).isNotNull();
            assertThat(artifact.getEntry("payloads/priming-api-gateway.json")).isNotNull();
            assertThat(artifact.getEntry("payloads/priming-msk.json")).isNotNull();
            assertThat(artifact.getEntry("db/migration/common/V10__delivery_attempts.sql"))
                    .isNotNull();
            // One HTTP runtime: the API Gateway proxy, no Netty server.
            assertThat(artifact.getEntry("io/micronaut/http/server/netty/NettyHttpServer.class"))
                    .isNull();
        }
    }
}
