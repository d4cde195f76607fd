package io.taskflow.adapters.localkafka.runtime;

import java.util.Locale;

/**
 * The runtime switch, {@code taskflow.runtime} ({@code TASKFLOW_RUNTIME}): {@code kafka} (the default) talks to Kafka
 * itself; {@code dapr} talks only to its Dapr sidecar, and no Kafka client of this process starts.
 */
public final class Runtimes {
    public static final String PROPERTY = "taskflow.runtime";
    public static final String KAFKA = "kafka";
    public static final String DAPR = "dapr";

    private Runtimes() {}

    /** @throws IllegalArgumentException for anything but kafka or dapr */
    public static String parse(String value) {
        String runtime =
                value == null || value.isBlank() ? KAFKA : value.strip().toLowerCase(Locale.ROOT);
        if (!runtime.equals(KAFKA) && !runtime.equals(DAPR)) {
            throw new IllegalArgumentException("TASKFLOW_RUNTIME must be kafka or dapr, not " + value);
        }
        return runtime;
    }
}
