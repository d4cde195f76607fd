package io.taskflow.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as Taskflow sends it on every broker: the context attributes, Taskflow's extensions, and
 * the JSON data. Runtimes translate it to and from their wire format (Kafka headers, Pub/Sub attributes, …).
 *
 * @param id unique per event
 * @param source {@code /taskflow/<component>}
 * @param type one of {@link EventType}'s names
 * @param subject the aggregate id
 * @param dataSchema names type and schema version
 * @param partitionKey the ordering key on every broker: the aggregate id
 * @param correlationId ties the event to the request that caused it; may be null
 * @param traceparent W3C trace context; may be null
 * @param tracestate W3C trace context; may be null
 * @param data the JSON data, UTF-8
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String dataSchema,
        String partitionKey,
        String correlationId,
        String traceparent,
        String tracestate,
        byte[] data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
