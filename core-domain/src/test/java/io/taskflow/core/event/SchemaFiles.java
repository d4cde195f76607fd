package io.taskflow.core.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/** Reads the Avro schemas of the event contract from the classpath, as {@link EventType#schemaResource} names them. */
public final class SchemaFiles {
    /** How far past the last version to look for a stray later one (a gap in the numbering). */
    private static final int GAP_LOOKAHEAD = 20;

    private SchemaFiles() {}

    public static Optional<Schema> find(EventType type, int version) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource(version))) {
            return in == null ? Optional.empty() : Optional.of(new Schema.Parser().parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema load(EventType type, int version) {
        return find(type, version)
                .orElseThrow(() -> new AssertionError("no schema on the classpath at " + type.schemaResource(version)));
    }

    /** v1..vN of the type, in order; fails when the numbering has a gap. */
    public static List<Schema> versions(EventType type) {
        var found = new ArrayList<Schema>();
        for (int v = 1; ; v++) {
            var schema = find(type, v);
            if (schema.isEmpty()) {
                for (int later = v + 1; later <= v + GAP_LOOKAHEAD; later++) {
                    if (EventType.class.getResource(type.schemaResource(later)) != null) {
                        throw new AssertionError(type.schemaResource(later) + " exists but " + type.schemaResource(v)
                                + " does not: schema versions must be numbered without gaps");
                    }
                }
                return found;
            }
            found.add(schema.get());
        }
    }
}
