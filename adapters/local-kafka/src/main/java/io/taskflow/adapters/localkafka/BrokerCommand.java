package io.taskflow.adapters.localkafka;

import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar taskflow-local.jar broker}: runs only the embedded Kafka broker, in its own process, until stopped.
 * The external mode and the benchmarks then get a real broker with nothing installed, and it can be stopped and started
 * apart from the application. Port and data directory come from the variables the embedded mode reads
 * ({@code TASKFLOW_KAFKA_PORT}, {@code TASKFLOW_KAFKA_CONTROLLER_PORT}, {@code TASKFLOW_DATA_DIR}).
 */
final class BrokerCommand {
    static final String NAME = "broker";

    private BrokerCommand() {}

    /** Blocks until the process is asked to stop. */
    static void run(PrintStream out) throws InterruptedException {
        Path dataDir = Path.of(env("TASKFLOW_DATA_DIR").orElse("taskflow-data"));
        int port = Integer.parseInt(env("TASKFLOW_KAFKA_PORT").orElse("9092"));
        int controllerPort =
                Integer.parseInt(env("TASKFLOW_KAFKA_CONTROLLER_PORT").orElse("9093"));
        var broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka").toAbsolutePath(), port, controllerPort);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "broker-stop"));
        broker.start();
        out.println("Kafka broker ready on " + broker.bootstrapServers());
        out.flush();
        stopped.await();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
