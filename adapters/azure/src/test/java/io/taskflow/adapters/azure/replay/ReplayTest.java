package io.taskflow.adapters.azure.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.adapters.azure.function.FunctionApplication;
import io.taskflow.adapters.azure.testing.AzureTestStack;
import io.taskflow.adapters.azure.testing.Bindings;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @BeforeAll
    static void start() {
        AzureTestStack.get();
    }

    @Test
    void aCapturedEventHubsBatchReplaysThroughTheFunctionItNamesTwiceWithoutDoingAnythingTwice() throws Exception {
        String payload = Bindings.fixture("eventhubs-audit-task-created.json");

        Replay.Result first = Replay.run(payload, FunctionApplication.builder(Map.of()));
        Replay.Result again = Replay.run(payload, FunctionApplication.builder(Map.of()));

        assertThat(first.function()).isEqualTo("audit-task-created");
        assertThat(first.answer()).isEqualTo("ok");
        assertThat(again.answer()).isEqualTo("ok");
        assertThat(AzureTestStack.get()
                        .count(
                                "SELECT COUNT(*) FROM audit_log WHERE CAST(event_id AS VARCHAR(64)) = ?",
                                "01a212f0-7a11-7d0e-8c42-1e2f3a4b5c6d"))
                .isEqualTo(1);
    }

    @Test
    void aCapturedHttpRequestReplaysThroughTheApiFunction() throws Exception {
        Replay.Result result = Replay.run(
                Bindings.write(Map.of("function", "api", "method", "GET", "path", "/health/liveness")),
                FunctionApplication.builder(Map.of()));

        assertThat(result.answer()).startsWith("200 ");
    }

    @Test
    void aPayloadNamingNoFunctionOfTheAppIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> Replay.run("{\"function\":\"billing\"}", FunctionApplication.builder(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no function named billing")
                .hasMessageContaining("audit-task-created");
    }
}
