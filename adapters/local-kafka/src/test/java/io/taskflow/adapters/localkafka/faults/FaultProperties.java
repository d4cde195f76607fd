package io.taskflow.adapters.localkafka.faults;

import io.taskflow.adapters.localkafka.testing.TestStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Short timeouts and retry windows, so that a fault and the recovery from it fit in a CI run. */
final class FaultProperties {
    static final int MAX_ATTEMPTS = 3;
    static final String POSTGRES_ONLY = "faults of PostgreSQL and of separate processes; the embedded H2 has neither";

    private FaultProperties() {}

    static Map<String, Object> shortTimeouts() {
        var p = new HashMap<String, Object>();
        p.put("taskflow.kafka.delivery-timeout", "5s");
        p.put("taskflow.consumers.retry.max-attempts", Integer.toString(MAX_ATTEMPTS));
        p.put("taskflow.consumers.retry.initial-backoff", "50ms");
        p.put("taskflow.consumers.retry.max-backoff", "500ms");
        p.put("taskflow.health.refresh-interval", "500ms");
        p.put("taskflow.consumers.database-wait", "500ms");
        p.put("datasources.default.maximum-pool-size", "8");
        p.put("datasources.default.connection-timeout", "2000");
        // A killed member's partitions move to the others after this long, not the default 45 s.
        p.put("kafka.consumers.default.session.timeout.ms", "6000");
        p.put("kafka.consumers.default.heartbeat.interval.ms", "1000");
        return p;
    }

    /** The same settings as {@code -D} options of an application run as a separate process. */
    static List<String> external() {
        return shortTimeouts().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    /** An application in the test JVM on the shared stack (broker and database). */
    static Map<String, Object> inJvm() {
        var p = new HashMap<>(TestStack.get().properties());
        p.putAll(shortTimeouts());
        return p;
    }
}
