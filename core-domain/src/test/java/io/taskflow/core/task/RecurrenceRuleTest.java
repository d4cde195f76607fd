package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.task.RecurrenceRule.Frequency;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FREQ=DAILY",
                "FREQ=WEEKLY",
                "FREQ=MONTHLY",
                "FREQ=YEARLY",
                "FREQ=DAILY;INTERVAL=2",
                "FREQ=WEEKLY;INTERVAL=366",
                "FREQ=MONTHLY;INTERVAL=3"
            })
    void aParsedRuleWritesBackTheSameText(String text) {
        var rule = RecurrenceRule.parse(text);

        assertThat(rule.toString()).isEqualTo(text);
        assertThat(RecurrenceRule.parse(rule.toString())).isEqualTo(rule);
    }

    @Test
    void parsingReadsFrequencyAndIntervalAndDefaultsTheIntervalToOne() {
        assertThat(RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2")).isEqualTo(new RecurrenceRule(Frequency.WEEKLY, 2));
        assertThat(RecurrenceRule.parse(" FREQ=DAILY ")).isEqualTo(new RecurrenceRule(Frequency.DAILY, 1));
    }

    @Test
    void anExplicitIntervalOfOneIsWrittenInItsShortForm() {
        assertThat(RecurrenceRule.parse("FREQ=DAILY;INTERVAL=1")).hasToString("FREQ=DAILY");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "FREQ=HOURLY", "freq=daily", "FREQ=DAILY;INTERVAL=", "FREQ=DAILY;COUNT=3", "INTERVAL=2;FREQ=DAILY",
                "FREQ=DAILY;INTERVAL=-1", "FREQ=DAILY;INTERVAL=1000", "FREQ=DAILY;", "RRULE:FREQ=DAILY",
                        "FREQ=DAILY INTERVAL=2"
            })
    void aRuleOutsideTheSupportedSyntaxIsRefused(String text) {
        assertInvalidInput("recurrence", () -> RecurrenceRule.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=367", "FREQ=YEARLY;INTERVAL=999"})
    void anIntervalOutsideOneTo366IsRefused(String text) {
        assertInvalidInput("recurrence", () -> RecurrenceRule.parse(text));
    }

    @Test
    void aRuleWithoutFrequencyIsRefused() {
        assertInvalidInput("recurrence", () -> new RecurrenceRule(null, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "FREQ=MONTHLY,           2026-01-15T08:30:00Z, 2026-02-15T08:30:00Z",
        "FREQ=MONTHLY,           2026-01-31T09:00:00Z, 2026-02-28T09:00:00Z",
        "FREQ=MONTHLY,           2024-01-31T09:00:00Z, 2024-02-29T09:00:00Z",
        "FREQ=MONTHLY;INTERVAL=3, 2026-11-30T23:59:59Z, 2027-02-28T23:59:59Z",
        "FREQ=DAILY,             2026-03-28T12:00:00Z, 2026-03-29T12:00:00Z",
        "FREQ=WEEKLY;INTERVAL=2, 2026-03-02T10:00:00Z, 2026-03-16T10:00:00Z",
        "FREQ=YEARLY,            2024-02-29T07:00:00Z, 2025-02-28T07:00:00Z"
    })
    void nextCountsWholeCalendarUnitsInUtc(String rule, Instant from, Instant expected) {
        assertThat(RecurrenceRule.parse(rule).next(from)).isEqualTo(expected);
    }
}
