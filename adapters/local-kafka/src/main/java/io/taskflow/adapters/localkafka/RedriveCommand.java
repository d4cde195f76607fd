package io.taskflow.adapters.localkafka;

import io.taskflow.adapters.localkafka.consumer.KafkaRedrive;
import io.taskflow.core.error.NotFoundException;
import io.taskflow.kafka.records.KafkaEventProducer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code java -jar taskflow-local.jar redrive <consumer>}: moves the consumer's pending dead letters back to it,
 * printing progress. Needs only the broker ({@code KAFKA_BOOTSTRAP_SERVERS}, default 127.0.0.1:9092, which is also the
 * embedded mode's broker while the app runs).
 */
final class RedriveCommand {
    static final String NAME = "redrive";

    private RedriveCommand() {}

    /** @return the process exit code */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))
                .filter(s -> !s.isBlank())
                .orElse("127.0.0.1:9092");
        return run(args, bootstrap, out, err);
    }

    static int run(String[] args, String bootstrap, PrintStream out, PrintStream err) {
        if (args.length != 1 || !args[0].matches("[a-z][a-z0-9-]{0,62}")) {
            err.println("usage: redrive <consumer>   (e.g. redrive notifications)");
            return 2;
        }
        String consumer = args[0];
        var producer = new KafkaEventProducer(bootstrap, Duration.ofSeconds(15), java.util.List.of());
        try {
            var redrive = new KafkaRedrive(bootstrap, producer);
            out.printf("redrive %s: %d dead letter(s) pending on %s%n", consumer, redrive.pending(consumer), bootstrap);
            long moved = redrive.redrive(
                    consumer, (done, total) -> out.printf("redrive %s: %d/%d%n", consumer, done, total));
            out.printf("redrive %s: done, %d moved back%n", consumer, moved);
            return 0;
        } catch (NotFoundException e) {
            err.println("redrive " + consumer + ": no dead-letter topic for that consumer");
            return 1;
        } catch (RuntimeException e) {
            err.println("redrive " + consumer + " failed: " + e.getMessage());
            return 1;
        } finally {
            producer.close();
        }
    }
}
