package io.taskflow.kafka.records;

/**
 * Headers a dead-letter record carries beside the original event's own {@code ce_*} headers and value, which it keeps
 * unchanged.
 */
public final class DeadLetterHeaders {
    public static final String PREFIX = "taskflow_dlq_";
    public static final String CONSUMER = PREFIX + "consumer";
    public static final String ERROR = PREFIX + "error";
    public static final String ATTEMPTS = PREFIX + "attempts";
    public static final String PERMANENT = PREFIX + "permanent";
    public static final String FAILED_AT = PREFIX + "failed_at";
    public static final String ORIGINAL_TOPIC = PREFIX + "original_topic";

    /** Kafka headers are small; an error message is cut so that a dead letter can always be written. */
    public static final int MAX_ERROR = 2_000;

    private DeadLetterHeaders() {}
}
