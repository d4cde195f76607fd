package io.taskflow.adapters.gcp.replay;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import io.micronaut.json.JsonMapper;
import io.taskflow.functions.serverless.FunctionApplication;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a captured payload through a function on this machine, the way the Functions Framework would: the function's
 * class is made as at an instance's start, then invoked once. An HTTP function (the API, a scheduled job) takes a
 * captured request ({@link CapturedRequest} as JSON); a Pub/Sub function takes the CloudEvent Eventarc delivered, in
 * JSON format. Configuration comes from the environment, as in the function (TASKFLOW_DB_URL, GOOGLE_CLOUD_PROJECT,
 * TASKFLOW_PUBSUB_EMULATOR_HOST, …).
 *
 * <pre>java -cp taskflow-gcp.jar:functions-framework-api.jar io.taskflow.adapters.gcp.replay.Replay &lt;function class&gt; &lt;payload.json&gt;</pre>
 *
 * Prints the answer (status and body; "accepted" for an event), then one line {@code cold_start function=… jvm_ms=…
 * init_ms=… first_invocation_ms=…}. A Pub/Sub function that fails prints the error and exits 1, as the platform would
 * answer Pub/Sub with an error.
 */
public final class Replay {
    private Replay() {}

    /** The answer and the timings of one replay. */
    public record Result(String answer, long jvmMillis, long initMillis, long firstInvocationMillis) {
        public String timingLine(String function) {
            return "cold_start function=" + function + " jvm_ms=" + jvmMillis + " init_ms=" + initMillis
                    + " first_invocation_ms=" + firstInvocationMillis;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Replay <function class> <payload.json>");
            System.exit(2);
        }
        int status = 0;
        try {
            Result result = run(args[0], Path.of(args[1]));
            System.out.println(result.answer());
            System.out.println(result.timingLine(args[0].substring(args[0].lastIndexOf('.') + 1)));
        } catch (Exception e) {
            System.out.println("failed: " + e);
            status = 1;
        }
        // The context's non-daemon threads (pool housekeeping, publisher executors) would keep a one-shot replay alive.
        System.exit(status);
    }

    public static Result run(String functionClass, Path payload) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvm = mainAt - ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        Object function = Class.forName(functionClass).getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        byte[] input = Files.readAllBytes(payload);
        JsonMapper json = FunctionApplication.shared().getBean(JsonMapper.class);
        String answer;
        if (function instanceof HttpFunction http) {
            var response = new CapturedResponse();
            http.service(json.readValue(input, CapturedRequest.class), response);
            answer = response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
        } else if (function instanceof CloudEventsFunction events) {
            events.accept(CapturedCloudEvents.read(json, input));
            answer = "accepted";
        } else {
            throw new IllegalArgumentException(functionClass + " is neither an HTTP nor a CloudEvent function");
        }
        long t2 = System.nanoTime();
        return new Result(answer, jvm, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
