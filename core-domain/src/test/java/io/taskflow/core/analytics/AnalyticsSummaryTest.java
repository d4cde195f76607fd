package io.taskflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsSummaryTest {
    private static final LocalDate D1 = LocalDate.parse("2026-03-01");
    private static final LocalDate D2 = LocalDate.parse("2026-03-02");
    private static final LocalDate D3 = LocalDate.parse("2026-03-03");

    @Test
    void everyDayOfThePeriodIsListedWithZerosWhereNothingHappened() {
        var summary = AnalyticsSummary.of(
                new SummaryPeriod(D1, D3), List.of(new DailyCounts(D2, 3, 2, 2, 90_000)), Map.of(D3, 1L));

        assertThat(summary.days())
                .containsExactly(
                        new DayNumbers(D1, Numbers.ZERO),
                        new DayNumbers(D2, new Numbers(3, 2, 0, 2, 90_000)),
                        new DayNumbers(D3, new Numbers(0, 0, 1, 0, 0)));
        assertThat(summary.totals()).isEqualTo(new Numbers(3, 2, 1, 2, 90_000));
    }

    @Test
    void theAverageCompletionTimeIsWeightedByTheCompletionsOfEachDay() {
        var summary = AnalyticsSummary.of(
                new SummaryPeriod(D1, D2),
                List.of(new DailyCounts(D1, 0, 1, 1, 60_000), new DailyCounts(D2, 0, 3, 3, 540_000)),
                Map.of());

        assertThat(summary.days().get(0).numbers().averageCompletionSeconds()).isEqualTo(60.0);
        assertThat(summary.days().get(1).numbers().averageCompletionSeconds()).isEqualTo(180.0);
        assertThat(summary.totals().averageCompletionSeconds()).isEqualTo(150.0);
        assertThat(summary.totals().completionCount()).isEqualTo(4);
    }

    @Test
    void withoutCompletionsThereIsNoAverage() {
        assertThat(Numbers.ZERO.averageCompletionSeconds()).isNull();
    }

    @Test
    void countersOfTheSameDayAreAddedAndDaysOutsideThePeriodIgnored() {
        var summary = AnalyticsSummary.of(
                new SummaryPeriod(D2, D2),
                List.of(
                        new DailyCounts(D2, 1, 0, 0, 0),
                        new DailyCounts(D2, 2, 1, 1, 1_500),
                        new DailyCounts(D3, 9, 9, 9, 9)),
                Map.of(D1, 4L, D2, 2L));

        assertThat(summary.days()).containsExactly(new DayNumbers(D2, new Numbers(3, 1, 2, 1, 1_500)));
        assertThat(summary.totals().averageCompletionSeconds()).isEqualTo(1.5);
    }
}
