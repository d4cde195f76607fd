package io.taskflow.functions.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.taskflow.core.event.EventEnvelope;
import java.net.URI;
import java.time.ZoneOffset;

/** Taskflow's envelope to and from the CloudEvents SDK's type, which every broker binding (Kafka, HTTP, …) speaks. */
public final class CloudEventMapping {
    public static final String PARTITION_KEY = "partitionkey";
    public static final String CORRELATION_ID = "correlationid";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private CloudEventMapping() {}

    public static CloudEvent toCloudEvent(EventEnvelope e) {
        var builder = CloudEventBuilder.v1()
                .withId(e.id())
                .withSource(URI.create(e.source()))
                .withType(e.type())
                .withTime(e.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(EventEnvelope.DATA_CONTENT_TYPE)
                .withData(e.data());
        if (e.subject() != null) {
            builder.withSubject(e.subject());
        }
        if (e.dataSchema() != null) {
            builder.withDataSchema(URI.create(e.dataSchema()));
        }
        extension(builder, PARTITION_KEY, e.partitionKey());
        extension(builder, CORRELATION_ID, e.correlationId());
        extension(builder, TRACEPARENT, e.traceparent());
        extension(builder, TRACESTATE, e.tracestate());
        return builder.build();
    }

    public static EventEnvelope fromCloudEvent(CloudEvent ce) {
        if (ce.getTime() == null) {
            throw new InvalidEventException("event " + ce.getId() + " has no time");
        }
        if (ce.getData() == null) {
            throw new InvalidEventException("event " + ce.getId() + " has no data");
        }
        return new EventEnvelope(
                ce.getId(),
                ce.getSource().toString(),
                ce.getType(),
                ce.getSubject(),
                ce.getTime().toInstant(),
                ce.getDataSchema() == null ? null : ce.getDataSchema().toString(),
                text(ce.getExtension(PARTITION_KEY)),
                text(ce.getExtension(CORRELATION_ID)),
                text(ce.getExtension(TRACEPARENT)),
                text(ce.getExtension(TRACESTATE)),
                ce.getData().toBytes());
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
