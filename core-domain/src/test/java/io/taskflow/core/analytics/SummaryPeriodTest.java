package io.taskflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.error.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryPeriodTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    @Test
    void withoutDatesItIsTheLastSevenDaysEndingToday() {
        var period = SummaryPeriod.parse(null, null, TODAY);

        assertThat(period).isEqualTo(new SummaryPeriod(LocalDate.parse("2026-03-04"), TODAY));
        assertThat(period.days())
                .hasSize(7)
                .startsWith(LocalDate.parse("2026-03-04"))
                .endsWith(TODAY);
    }

    @Test
    void aMissingStartIsSixDaysBeforeTheEndAndAMissingEndIsToday() {
        assertThat(SummaryPeriod.parse(null, "2026-01-10", TODAY).from()).isEqualTo(LocalDate.parse("2026-01-04"));
        assertThat(SummaryPeriod.parse("2026-03-01", null, TODAY).to()).isEqualTo(TODAY);
    }

    @Test
    void oneDayAndAFullLeapYearAreAccepted() {
        assertThat(SummaryPeriod.parse("2026-03-10", "2026-03-10", TODAY).days())
                .containsExactly(TODAY);
        assertThat(SummaryPeriod.parse("2024-01-01", "2024-12-31", TODAY).days())
                .hasSize(366);
    }

    @ParameterizedTest(name = "from {0} to {1}: {2} refused")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-11, 2026-03-10, from",
                "2024-01-01, 2025-01-01, to",
                "2026-3-1,   -,          from",
                "yesterday,  -,          from",
                "-,          2026-02-30, to",
                "-,          2026-03-10T00:00:00Z, to",
                "-,          '',         to",
            })
    void badDatesAndPeriodsAreRefusedNamingTheField(String from, String to, String field) {
        assertThatThrownBy(() -> SummaryPeriod.parse(from, to, TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
