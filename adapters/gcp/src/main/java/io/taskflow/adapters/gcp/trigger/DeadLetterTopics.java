package io.taskflow.adapters.gcp.trigger;

/**
 * Where a consumer's dead letters go: the topic {@code taskflow.dlq.<consumer>}, which the consumer's subscriptions
 * also name in their dead-letter policy. Attributes this runtime adds beside the original event's own.
 */
public final class DeadLetterTopics {
    public static final String ATTRIBUTE_PREFIX = "taskflow-dlq-";
    public static final String CONSUMER = ATTRIBUTE_PREFIX + "consumer";
    public static final String ERROR = ATTRIBUTE_PREFIX + "error";
    public static final String ATTEMPTS = ATTRIBUTE_PREFIX + "attempts";
    public static final String PERMANENT = ATTRIBUTE_PREFIX + "permanent";
    public static final String FAILED_AT = ATTRIBUTE_PREFIX + "failed-at";

    /** Attribute values are limited to 1024 bytes; an error message is cut so that a dead letter can always be sent. */
    public static final int MAX_ERROR = 1_000;

    private DeadLetterTopics() {}

    public static String of(String consumer) {
        return "taskflow.dlq." + consumer;
    }
}
