package io.taskflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.analytics.AnalyticsSummary;
import io.taskflow.core.analytics.Numbers;
import java.time.LocalDate;
import java.util.List;

/** A summary as the API shows it: each UTC day of the period, then the totals. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnalyticsResponse(String scope, LocalDate from, LocalDate to, List<Day> days, Figures totals) {

    static AnalyticsResponse of(String scope, AnalyticsSummary s) {
        return new AnalyticsResponse(
                scope,
                s.period().from(),
                s.period().to(),
                s.days().stream()
                        .map(d -> new Day(d.day(), Figures.of(d.numbers())))
                        .toList(),
                Figures.of(s.totals()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(LocalDate day, Figures numbers) {}

    /**
     * @param overdue tasks due that day (or in the period) that were not completed by their due time, as of now
     * @param completionTime over the tasks completed that day (or in the period)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Figures(long created, long completed, long overdue, CompletionTime completionTime) {
        static Figures of(Numbers n) {
            return new Figures(
                    n.created(),
                    n.completed(),
                    n.overdue(),
                    new CompletionTime(n.completionCount(), n.averageCompletionSeconds()));
        }
    }

    /** @param averageSeconds null when {@code count} is 0 */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CompletionTime(long count, Double averageSeconds) {}
}
