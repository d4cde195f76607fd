package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.testing.TaskFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskCursorTest {
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-02T10:15:30.123456Z",
                "2026-03-02T10:15:30Z",
                "2000-01-01T00:00:00.000001Z",
                "1969-12-31T23:59:59.500001Z",
                "2099-12-31T23:59:59.999999Z"
            })
    void aCursorDecodesToWhatWasEncodedToTheMicrosecond(String at) {
        var cursor = new TaskCursor(Instant.parse(at), ID);

        assertThat(TaskCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void theEncodedCursorIsUrlSafeWithoutPadding() {
        for (int i = 0; i < 50; i++) {
            var encoded = new TaskCursor(
                            Instant.parse("2026-03-02T10:15:30.123456Z").plusNanos(i * 7_001_000L), UUID.randomUUID())
                    .encode();

            assertThat(encoded).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void theCursorOfATaskIsItsCreationTimeAndId() {
        var task = Task.create(
                ID, UUID.randomUUID(), TaskFixtures.minimalDetails(), Instant.parse("2026-01-01T00:00:00.5Z"));

        assertThat(TaskCursor.of(task)).isEqualTo(new TaskCursor(task.createdAt(), ID));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a cursor!", "%%%", "====", "abc"})
    void garbageIsRefusedAsAnInvalidCursor(String cursor) {
        assertInvalidInput("cursor", () -> TaskCursor.decode(cursor));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1700000000000000",
                "1700000000000000|",
                "x|" + "0f8fad5b-d9cb-469f-a165-70867728950e",
                "1700000000000000|not-a-uuid",
                "|0f8fad5b-d9cb-469f-a165-70867728950e",
                "99999999999999999999|0f8fad5b-d9cb-469f-a165-70867728950e"
            })
    void wellEncodedButMalformedContentIsRefusedAsAnInvalidCursor(String raw) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));

        assertInvalidInput("cursor", () -> TaskCursor.decode(cursor));
    }
}
