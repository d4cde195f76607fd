package io.taskflow.adapters.localkafka.consumer;

/**
 * Headers a dead-letter record carries beside the original event's own {@code ce_*} headers and value, which it keeps
 * unchanged.
 */
final class DeadLetterHeaders {
    static final String PREFIX = "taskflow_dlq_";
    static final String CONSUMER = PREFIX + "consumer";
    static final String ERROR = PREFIX + "error";
    static final String ATTEMPTS = PREFIX + "attempts";
    static final String PERMANENT = PREFIX + "permanent";
    static final String FAILED_AT = PREFIX + "failed_at";
    static final String ORIGINAL_TOPIC = PREFIX + "original_topic";

    /** Kafka headers are small; an error message is cut so that a dead letter can always be written. */
    static final int MAX_ERROR = 2_000;

    private DeadLetterHeaders() {}
}
