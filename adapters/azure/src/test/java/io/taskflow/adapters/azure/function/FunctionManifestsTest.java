package io.taskflow.adapters.azure.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.adapters.azure.testing.Bindings;
import io.taskflow.testsupport.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionManifestsTest {
    private static final Path HOST_JSON = RepoRoot.path("adapters/azure/src/main/azure/host.json");

    @Test
    void thePackageHasTheHostFileTheJarAndAFunctionJsonForEveryAnnotatedFunction(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("taskflow-azure.jar"), "jar");

        Path staging = FunctionManifests.stage(HOST_JSON, jar, dir.resolve("staging"));

        List<String> folders;
        try (Stream<Path> entries = Files.list(staging)) {
            folders = entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(folders)
                .containsExactlyElementsOf(FunctionCatalog.functions().keySet());
        assertThat(folders).hasSize(1 + 6 + 8 + 4 + 1 + 4);
        assertThat(staging.resolve("host.json")).exists();
        assertThat(staging.resolve("taskflow-azure.jar")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEventHubsFunctionsManifestNamesItsEntryPointHubGroupBatchingAndRetryPolicy() {
        Map<String, Object> manifest = FunctionManifests.manifest(
                FunctionCatalog.functions().get("recurrence-task-completed"), "taskflow-azure.jar");

        assertThat(manifest)
                .containsEntry("scriptFile", "../taskflow-azure.jar")
                .containsEntry("entryPoint", "io.taskflow.adapters.azure.eventhubs.RecurrenceFunctions.taskCompleted");
        assertThat((List<Object>) manifest.get("bindings"))
                .containsExactly(Map.of(
                        "type", "eventHubTrigger",
                        "direction", "in",
                        "name", "events",
                        "dataType", "string",
                        "eventHubName", "task.completed",
                        "consumerGroup", "recurrence",
                        "connection", "EventHubs",
                        "cardinality", "many"));
        assertThat(manifest.get("retry"))
                .isEqualTo(Map.of(
                        "strategy", "exponentialBackoff",
                        "maxRetryCount", -1,
                        "minimumInterval", "00:00:05",
                        "maximumInterval", "00:05:00"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimersAndTheHttpTriggerAreBoundAsTheHostExpects() {
        Map<String, Object> digest =
                FunctionManifests.manifest(FunctionCatalog.functions().get("digest"), "app.jar");
        Map<String, Object> api =
                FunctionManifests.manifest(FunctionCatalog.functions().get("api"), "app.jar");

        assertThat((List<Object>) digest.get("bindings"))
                .containsExactly(
                        Map.of("type", "timerTrigger", "direction", "in", "name", "timer", "schedule", "0 0 7 * * *"));
        assertThat(((List<Map<String, Object>>) api.get("bindings"))
                        .stream().map(b -> b.get("type")).toList())
                .containsExactly("httpTrigger", "http");
        assertThat(((Map<?, ?>) ((List<?>) api.get("bindings")).get(0)).get("route"))
                .isEqualTo("{*route}");
    }

    @Test
    void theHostServesTheApiAtItsOwnPathsAndKeepsTheLogLinesTheAlertsRead() throws Exception {
        Map<String, Object> host = Bindings.read(Files.readString(HOST_JSON));
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) host.get("extensions");
        @SuppressWarnings("unchecked")
        Map<String, Object> logging = (Map<String, Object>) host.get("logging");

        assertThat(((Map<?, ?>) extensions.get("http")).get("routePrefix")).isEqualTo("");
        assertThat(((Map<?, ?>) extensions.get("eventHubs")).get("batchCheckpointFrequency"))
                .isEqualTo(1);
        assertThat(logging.toString()).contains("excludedTypes=Request;Exception;Trace");
    }
}
