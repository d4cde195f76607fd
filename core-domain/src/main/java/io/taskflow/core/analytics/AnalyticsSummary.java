package io.taskflow.core.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Every day of a period with its numbers (days without activity show zeros), and the totals over the period. */
public record AnalyticsSummary(SummaryPeriod period, List<DayNumbers> days, Numbers totals) {

    public AnalyticsSummary {
        days = List.copyOf(days);
    }

    /**
     * Puts the stored counters and the overdue counts together day by day. Counters or counts of days outside the
     * period are ignored.
     */
    public static AnalyticsSummary of(
            SummaryPeriod period, List<DailyCounts> counters, Map<LocalDate, Long> overdueByDay) {
        Map<LocalDate, DailyCounts> byDay = new java.util.HashMap<>();
        for (DailyCounts c : counters) {
            byDay.merge(c.day(), c, DailyCounts::plus);
        }
        var days = period.days().stream()
                .map(day -> new DayNumbers(
                        day,
                        Numbers.of(byDay.getOrDefault(day, DailyCounts.none(day)), overdueByDay.getOrDefault(day, 0L))))
                .toList();
        Numbers totals = days.stream().map(DayNumbers::numbers).reduce(Numbers.ZERO, Numbers::plus);
        return new AnalyticsSummary(period, days, totals);
    }
}
