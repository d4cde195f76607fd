package io.taskflow.core.event;

import static org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
import static org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema evolution gate: each new version of an event schema must be readable by consumers of the previous one
 * and must read data written with it (full compatibility, checked between every consecutive pair of versions).
 */
class SchemaCompatibilityTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyConsecutivePairOfVersionsIsCompatibleBothWays(EventType type) {
        List<Schema> versions = SchemaFiles.versions(type);
        assertThat(versions).hasSizeGreaterThanOrEqualTo(type.schemaVersion());

        if (versions.size() == 1) {
            // With a single version the gate still runs: v1 must at least be compatible with itself.
            assertCompatibleBothWays(type, 1, versions.get(0), versions.get(0));
        }
        for (int v = 2; v <= versions.size(); v++) {
            assertCompatibleBothWays(type, v - 1, versions.get(v - 2), versions.get(v - 1));
        }
    }

    private static void assertCompatibleBothWays(EventType type, int olderVersion, Schema older, Schema newer) {
        String pair = type.typeName() + " v" + olderVersion + "/v" + (older == newer ? olderVersion : olderVersion + 1);
        var newReadsOld = check(newer, older);
        var oldReadsNew = check(older, newer);

        assertThat(newReadsOld.getType())
                .as("%s: the newer version reads data written with the older: %s", pair, newReadsOld.getDescription())
                .isEqualTo(COMPATIBLE);
        assertThat(oldReadsNew.getType())
                .as("%s: the older version reads data written with the newer: %s", pair, oldReadsNew.getDescription())
                .isEqualTo(COMPATIBLE);
    }

    @Test
    void theGateCatchesANewRequiredFieldWithoutDefault() {
        Schema v1 = SchemaFiles.load(EventType.TASK_CREATED, 1);
        Schema broken =
                withExtraField(v1, new Schema.Field("assigneeId", Schema.create(Schema.Type.STRING), "new, required"));

        assertThat(check(broken, v1).getType()).isEqualTo(INCOMPATIBLE);
        assertThat(compatibleBothWays(v1, broken)).isFalse();
    }

    @Test
    void theSameNewFieldWithANullDefaultPassesTheGate() {
        Schema v1 = SchemaFiles.load(EventType.TASK_CREATED, 1);
        Schema nullableString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        Schema evolved = withExtraField(
                v1, new Schema.Field("assigneeId", nullableString, "new, optional", Schema.Field.NULL_DEFAULT_VALUE));

        assertThat(compatibleBothWays(v1, evolved)).isTrue();
    }

    @Test
    void theGateCatchesARemovedEnumSymbol() {
        Schema v1 = SchemaFiles.load(EventType.TASK_CREATED, 1);
        Schema narrowed = new Schema.Parser().parse(v1.toString().replace(",\"URGENT\"]", "]"));

        assertThat(narrowed.getField("priority").schema().getEnumSymbols()).containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat(check(narrowed, v1).getType()).isEqualTo(INCOMPATIBLE);
    }

    private static boolean compatibleBothWays(Schema a, Schema b) {
        return check(a, b).getType() == COMPATIBLE && check(b, a).getType() == COMPATIBLE;
    }

    private static SchemaPairCompatibility check(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    }

    /** A copy of {@code schema} (same name, so a reader may resolve it against the original) with one more field. */
    private static Schema withExtraField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
