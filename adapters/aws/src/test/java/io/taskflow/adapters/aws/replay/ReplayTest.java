package io.taskflow.adapters.aws.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.adapters.aws.testing.AwsTestStack;
import io.taskflow.functions.serverless.FunctionApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void aCapturedApiGatewayPayloadReplaysThroughTheHandlerAndReportsItsTimings() throws Exception {
        // As in a function, the configuration comes from the environment of the process.
        AwsTestStack.get().properties().forEach((k, v) -> System.setProperty(k, v.toString()));
        Path payload = Path.of(
                ReplayTest.class.getResource("/payloads/api-liveness.json").toURI());

        Replay.Result result = Replay.run("io.taskflow.adapters.aws.http.ApiHandler", payload);

        assertThat(result.answer()).contains("\"statusCode\":200");
        assertThat(result.timingLine("ApiHandler"))
                .matches("cold_start handler=ApiHandler jvm_ms=\\d+ init_ms=\\d+ first_invocation_ms=\\d+");
    }

    @AfterAll
    static void closeTheSharedContext() {
        FunctionApplication.shared().close();
    }
}
