package io.taskflow.adapters.aws.replay;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a captured trigger payload (an API Gateway request, an MSK batch, a schedule's input) through a handler on this
 * machine, the way Lambda would: the handler is made as in the init phase, then invoked once with the payload.
 * Configuration comes from the environment, as in the function (TASKFLOW_DB_URL, KAFKA_BOOTSTRAP_SERVERS, …).
 *
 * <pre>java -cp taskflow-aws.jar io.taskflow.adapters.aws.replay.Replay &lt;handler class&gt; &lt;payload.json&gt;</pre>
 *
 * Prints the handler's answer, then one line {@code cold_start handler=… jvm_ms=… init_ms=… first_invocation_ms=…}:
 * the JVM's own start until main, making the handler (the context, its database pool and secrets), and the first
 * invocation.
 */
public final class Replay {
    private Replay() {}

    /** The answer and the timings of one replay. */
    public record Result(String answer, long jvmMillis, long initMillis, long firstInvocationMillis) {
        public String timingLine(String handler) {
            return "cold_start handler=" + handler + " jvm_ms=" + jvmMillis + " init_ms=" + initMillis
                    + " first_invocation_ms=" + firstInvocationMillis;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Replay <handler class> <payload.json>");
            System.exit(2);
        }
        Result result = run(args[0], Path.of(args[1]));
        System.out.println(result.answer());
        System.out.println(result.timingLine(args[0].substring(args[0].lastIndexOf('.') + 1)));
        // The context's non-daemon threads (pool housekeeping, Kafka sender) would keep a one-shot replay alive.
        System.exit(0);
    }

    public static Result run(String handlerClass, Path payload) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvm = mainAt - ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler)
                Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        var out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(payload)) {
            handler.handleRequest(in, out, new ReplayContext(handler.getClass().getSimpleName()));
        }
        long t2 = System.nanoTime();
        return new Result(out.toString(StandardCharsets.UTF_8), jvm, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
