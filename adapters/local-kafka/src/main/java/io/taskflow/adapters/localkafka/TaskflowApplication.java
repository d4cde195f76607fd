package io.taskflow.adapters.localkafka;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.taskflow.adapters.localkafka.embedded.EmbeddedMode;
import io.taskflow.adapters.localkafka.runtime.Runtimes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the container runtime. {@code TASKFLOW_MODE=embedded} (the default) runs a Kafka broker in this JVM and an
 * on-disk H2 database under {@code TASKFLOW_DATA_DIR} (default {@code ./taskflow-data}): nothing to install but a JDK.
 * {@code TASKFLOW_MODE=external} takes PostgreSQL and Kafka from the environment (see application.yml).
 * {@code TASKFLOW_RUNTIME=dapr} talks to a Dapr sidecar instead of Kafka, with PostgreSQL from the environment (its
 * mode is external).
 *
 * <p>{@code redrive <consumer>} as arguments runs the dead-letter redrive instead (see {@link RedriveCommand}), and
 * {@code broker} only the embedded Kafka broker (see {@link BrokerCommand}).
 */
public final class TaskflowApplication {
    private static final Logger LOG = LoggerFactory.getLogger(TaskflowApplication.class);

    private TaskflowApplication() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(RedriveCommand.NAME)) {
            System.exit(RedriveCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(BrokerCommand.NAME)) {
            BrokerCommand.run(System.out);
            return;
        }
        long started = System.nanoTime();
        String runtime = Runtimes.parse(env("TASKFLOW_RUNTIME").orElse(null));
        boolean dapr = runtime.equals(Runtimes.DAPR);
        String mode =
                env("TASKFLOW_MODE").orElse(dapr ? "external" : "embedded").toLowerCase(Locale.ROOT);
        if (dapr && mode.equals("embedded")) {
            throw new IllegalArgumentException("TASKFLOW_MODE=embedded runs a Kafka broker in this JVM, but the Dapr"
                    + " runtime (TASKFLOW_RUNTIME=dapr) publishes through its sidecar and takes its database from"
                    + " TASKFLOW_DB_*: leave TASKFLOW_MODE unset or set it to external");
        }
        var micronaut = Micronaut.build(args).mainClass(TaskflowApplication.class);
        EmbeddedMode embedded = null;
        switch (mode) {
            case "embedded" -> {
                Path dataDir = Path.of(env("TASKFLOW_DATA_DIR").orElse("taskflow-data"));
                int kafkaPort = Integer.parseInt(env("TASKFLOW_KAFKA_PORT").orElse("9092"));
                int controllerPort =
                        Integer.parseInt(env("TASKFLOW_KAFKA_CONTROLLER_PORT").orElse("9093"));
                embedded = EmbeddedMode.start(dataDir, kafkaPort, controllerPort);
                micronaut.properties(embedded.properties());
                LOG.info(
                        "embedded mode: Kafka on {}, data under {}",
                        embedded.broker().bootstrapServers(),
                        dataDir.toAbsolutePath());
            }
            case "external" ->
                LOG.info(
                        dapr
                                ? "Dapr runtime: PostgreSQL from the environment, pub/sub, state, secrets and bindings"
                                        + " through the Dapr sidecar"
                                : "external mode: PostgreSQL and Kafka from the environment");
            default -> throw new IllegalArgumentException("TASKFLOW_MODE must be embedded or external, not " + mode);
        }
        ApplicationContext context = micronaut.start();
        if (embedded != null) {
            EmbeddedMode broker = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfter(context, broker), "embedded-broker-stop"));
        }
        LOG.info(
                "Taskflow ready in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Micronaut's own shutdown hook closes the application context; the broker must outlive it, or the relay and
     * consumers would hang talking to a stopped broker. Closing the context here as well would deadlock the two hooks.
     */
    private static void stopAfter(ApplicationContext context, EmbeddedMode broker) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        broker.close();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
