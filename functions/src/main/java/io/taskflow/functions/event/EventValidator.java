package io.taskflow.functions.event;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Holds every event to its schema: strictly when Taskflow writes one (a mismatch is a bug, and the write is refused),
 * leniently when it reads one (newer producers may add fields; an older schema version is read with its own schema).
 * Both ways the data may not exceed {@code taskflow.events.max-bytes}: a received event is untrusted input, and a
 * written one must fit the broker.
 */
@Singleton
public class EventValidator {
    private static final Pattern DATA_SCHEMA = Pattern.compile("urn:taskflow:schema:([a-z.]+):v(\\d{1,20})");

    private final EventSchemas schemas;
    private final JsonMapper json;
    private final int maxBytes;

    @Inject
    public EventValidator(
            EventSchemas schemas, JsonMapper json, @Value("${taskflow.events.max-bytes:262144}") int maxBytes) {
        this.schemas = schemas;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public EventValidator(EventSchemas schemas, JsonMapper json) {
        this(schemas, json, DEFAULT_MAX_BYTES);
    }

    /** 256 KiB: a quarter of Kafka's default record limit, leaving room for the CloudEvents headers. */
    public static final int DEFAULT_MAX_BYTES = 262_144;

    /**
     * @throws EventTooLargeException when the data is larger than the limit
     * @throws IllegalStateException when the data does not match the current schema of its type
     */
    public void checkOutgoing(EventType type, byte[] data) {
        if (data.length > maxBytes) {
            throw new EventTooLargeException(type.typeName(), data.length, maxBytes);
        }
        List<String> problems = JsonAgainstAvro.problems(schemas.current(type), parse(data), true);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(type.typeName() + " data breaks its schema: " + problems);
        }
    }

    /** @throws InvalidEventException when the envelope names an unknown type or its data breaks the schema */
    public EventType checkIncoming(EventEnvelope envelope) {
        EventType type = EventType.fromTypeName(envelope.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
        if (envelope.data() == null || envelope.data().length > maxBytes) {
            throw new InvalidEventException(
                    "event " + envelope.id() + " data is missing or larger than " + maxBytes + " bytes");
        }
        Schema schema = schemaFor(type, envelope.dataSchema());
        JsonNode data;
        try {
            data = parse(envelope.data());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event " + envelope.id() + " data is not JSON");
        }
        List<String> problems = JsonAgainstAvro.problems(schema, data, false);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("event " + envelope.id() + " breaks " + type.typeName() + ": " + problems);
        }
        return type;
    }

    private Schema schemaFor(EventType type, String dataSchema) {
        Matcher m = dataSchema == null ? null : DATA_SCHEMA.matcher(dataSchema);
        if (m == null || !m.matches() || !m.group(1).equals(type.typeName())) {
            return schemas.current(type);
        }
        // A version newer than this build knows is read with the newest known schema: forward compatibility.
        long version = m.group(2).length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        return version > Integer.MAX_VALUE
                ? schemas.current(type)
                : schemas.find(type, (int) version).orElseGet(() -> schemas.current(type));
    }

    private JsonNode parse(byte[] data) {
        try {
            return json.readValue(data, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
