package io.taskflow.functions.event;

import io.taskflow.core.event.EventType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/** The Avro schema of each event type and version, read once from the core's resources. */
@Singleton
public class EventSchemas {
    private final Map<String, Optional<Schema>> cache = new ConcurrentHashMap<>();

    public Optional<Schema> find(EventType type, int version) {
        return cache.computeIfAbsent(type.typeName() + ":" + version, k -> load(type, version));
    }

    public Schema current(EventType type) {
        return find(type, type.schemaVersion())
                .orElseThrow(() -> new IllegalStateException("no schema for " + type.typeName()));
    }

    private static Optional<Schema> load(EventType type, int version) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource(version))) {
            return in == null ? Optional.empty() : Optional.of(new Schema.Parser().parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
