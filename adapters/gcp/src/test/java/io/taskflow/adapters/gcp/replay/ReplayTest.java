package io.taskflow.adapters.gcp.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.functions.serverless.FunctionApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @BeforeAll
    static void configureAsTheEnvironmentWould() {
        // As in a function, the configuration comes from the environment of the process.
        GcpTestStack.get().properties().forEach((k, v) -> System.setProperty(k, v.toString()));
    }

    @Test
    void aCapturedHttpRequestReplaysThroughTheApiFunctionAndReportsItsTimings() throws Exception {
        Path payload = Path.of(
                ReplayTest.class.getResource("/payloads/api-liveness.json").toURI());

        Replay.Result result = Replay.run("io.taskflow.adapters.gcp.http.ApiFunction", payload);

        assertThat(result.answer()).startsWith("200 ");
        assertThat(result.timingLine("ApiFunction"))
                .matches("cold_start function=ApiFunction jvm_ms=\\d+ init_ms=\\d+ first_invocation_ms=\\d+");
    }

    @Test
    void aCapturedEventarcEventReplaysThroughAConsumerFunction() throws Exception {
        Path payload = Path.of(ReplayTest.class
                .getResource("/payloads/eventarc-unreadable.json")
                .toURI());

        // Not a CloudEvent inside: dead-lettered to taskflow.dlq.audit and acknowledged.
        Replay.Result result = Replay.run("io.taskflow.adapters.gcp.trigger.AuditFunction", payload);

        assertThat(result.answer()).isEqualTo("accepted");
    }

    @AfterAll
    static void closeTheSharedContext() {
        FunctionApplication.shared().close();
    }
}
