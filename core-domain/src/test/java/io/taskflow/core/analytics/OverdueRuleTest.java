package io.taskflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverdueRuleTest {
    private static final String DUE = "2026-03-04T17:00:00Z";

    @ParameterizedTest(name = "due {0}, completed {1}, deleted {2}, as of {3}: overdue {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-,                    -,                    -,                    2026-03-10T00:00:00Z, false",
                DUE + ", -,                    -,                    2026-03-04T16:59:59Z, false",
                DUE + ", -,                    -,                    2026-03-04T17:00:00Z, false",
                DUE + ", -,                    -,                    2026-03-04T17:00:01Z, true",
                DUE + ", 2026-03-04T16:00:00Z, -,                    2026-03-10T00:00:00Z, false",
                DUE + ", 2026-03-04T17:00:00Z, -,                    2026-03-10T00:00:00Z, false",
                DUE + ", 2026-03-05T09:00:00Z, -,                    2026-03-10T00:00:00Z, true",
                DUE + ", -,                    2026-03-03T09:00:00Z, 2026-03-10T00:00:00Z, false",
                DUE + ", -,                    2026-03-06T09:00:00Z, 2026-03-10T00:00:00Z, true",
            })
    void aTaskWasOverdueWhenItsDueTimePassedBeforeItWasCompletedOrDeleted(
            String due, String completed, String deleted, String asOf, boolean overdue) {
        assertThat(OverdueRule.wasOverdue(facts(due, completed, deleted), Instant.parse(asOf)))
                .isEqualTo(overdue);
    }

    @ParameterizedTest(name = "due {0}, completed {1}, deleted {2}: overdue now {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-,                    -,                    -,                    false",
                "2026-03-04T17:00:00Z, -,                    -,                    true",
                "2026-03-06T17:00:00Z, -,                    -,                    false",
                "2026-03-04T17:00:00Z, 2026-03-05T09:00:00Z, -,                    false",
                "2026-03-04T17:00:00Z, -,                    2026-03-05T09:00:00Z, false",
            })
    void aTaskIsOverdueNowWhenItIsOpenAndLate(String due, String completed, String deleted, boolean overdue) {
        assertThat(OverdueRule.isOverdueNow(facts(due, completed, deleted), Instant.parse("2026-03-05T12:00:00Z")))
                .isEqualTo(overdue);
    }

    private static TaskFacts facts(String due, String completed, String deleted) {
        return new TaskFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.parse("2026-03-01T09:00:00Z"),
                at(due),
                at(completed),
                at(deleted),
                1);
    }

    private static Instant at(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
