package io.taskflow.adapters.localkafka.dapr;

import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.event.InvalidEventException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Envelopes to and from the CloudEvents JSON format ({@code application/cloudevents+json}), the form in which Dapr
 * publishes and delivers them. Published in this form, an event is not wrapped again by the sidecar: it keeps its own
 * id, type, source, subject and extensions; Dapr only adds its own attributes (pubsubname, topic, traceid), which are
 * ignored on the way in.
 */
@Singleton
@DaprRuntime
public class StructuredCloudEvents {
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private final JsonMapper json;

    public StructuredCloudEvents(JsonMapper json) {
        this.json = json;
    }

    public byte[] write(EventEnvelope e) {
        return bytes(attributes(e));
    }

    /** The event's attributes with its JSON data as a nested value, ready to be written. */
    public Map<String, Object> attributes(EventEnvelope e) {
        var event = new LinkedHashMap<String, Object>();
        event.put("specversion", EventEnvelope.SPEC_VERSION);
        event.put("id", e.id());
        event.put("source", e.source());
        event.put("type", e.type());
        put(event, "subject", e.subject());
        event.put("time", e.time().atOffset(ZoneOffset.UTC).toString());
        event.put("datacontenttype", EventEnvelope.DATA_CONTENT_TYPE);
        put(event, "dataschema", e.dataSchema());
        put(event, CloudEventMapping.PARTITION_KEY, e.partitionKey());
        put(event, CloudEventMapping.CORRELATION_ID, e.correlationId());
        put(event, CloudEventMapping.TRACEPARENT, e.traceparent());
        put(event, CloudEventMapping.TRACESTATE, e.tracestate());
        try {
            event.put("data", json.readValue(e.data(), Object.class));
        } catch (IOException ex) {
            throw new UncheckedIOException("event " + e.id() + " has no JSON data", ex);
        }
        return event;
    }

    public byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** @throws InvalidEventException when the bytes are not a CloudEvent this application can read */
    @SuppressWarnings("unchecked")
    public EventEnvelope read(byte[] body) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidEventException("not a CloudEvent: a JSON object was expected");
        }
        return read((Map<String, Object>) map);
    }

    /** @throws InvalidEventException when a required attribute is missing or malformed */
    public EventEnvelope read(Map<String, Object> event) {
        String id = required(event, "id");
        byte[] data;
        if (event.get("data_base64") instanceof String base64) {
            data = Base64.getDecoder().decode(base64);
        } else if (event.containsKey("data") && event.get("data") != null) {
            data = bytes(event.get("data"));
        } else {
            throw new InvalidEventException("event " + id + " has no data");
        }
        try {
            return new EventEnvelope(
                    id,
                    required(event, "source"),
                    required(event, "type"),
                    text(event, "subject"),
                    OffsetDateTime.parse(required(event, "time")).toInstant(),
                    text(event, "dataschema"),
                    text(event, CloudEventMapping.PARTITION_KEY),
                    text(event, CloudEventMapping.CORRELATION_ID),
                    text(event, CloudEventMapping.TRACEPARENT),
                    text(event, CloudEventMapping.TRACESTATE),
                    data);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + id + " cannot be read: " + e.getMessage());
        }
    }

    private static String required(Map<String, Object> event, String name) {
        String value = text(event, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("CloudEvent without " + name);
        }
        return value;
    }

    private static String text(Map<String, Object> event, String name) {
        Object value = event.get(name);
        return value == null ? null : value.toString();
    }

    private static void put(Map<String, Object> event, String name, String value) {
        if (value != null) {
            event.put(name, value);
        }
    }
}
