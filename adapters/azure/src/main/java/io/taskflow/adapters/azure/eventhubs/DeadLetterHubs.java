package io.taskflow.adapters.azure.eventhubs;

/**
 * Each consumer's dead-letter event hub and the application properties a dead letter carries beside the original
 * event's own {@code cloudEvents:*} properties and body, which it keeps unchanged.
 */
public final class DeadLetterHubs {
    public static final String PROPERTY_PREFIX = "taskflow_dlq_";
    public static final String CONSUMER = PROPERTY_PREFIX + "consumer";
    public static final String ERROR = PROPERTY_PREFIX + "error";
    public static final String ATTEMPTS = PROPERTY_PREFIX + "attempts";
    public static final String PERMANENT = PROPERTY_PREFIX + "permanent";
    public static final String FAILED_AT = PROPERTY_PREFIX + "failed_at";
    public static final String ORIGINAL_HUB = PROPERTY_PREFIX + "original_hub";

    /** An error is cut so that a dead letter always fits an event (1 MB with every property). */
    public static final int MAX_ERROR = 2_000;

    private DeadLetterHubs() {}

    /** {@code taskflow.dlq.<consumer>}, the name the Kafka runtimes give the consumer's dead-letter topic. */
    public static String of(String consumer) {
        return "taskflow.dlq." + consumer;
    }

    static String cut(String error) {
        String text = error == null ? "" : error;
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
