package io.taskflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.testing.InMemoryAnalyticsStore;
import io.taskflow.core.testing.InMemoryTransactions;
import io.taskflow.core.testing.MutableTimeSource;
import io.taskflow.core.testing.TaskHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scripted week of two users, read back as summaries. */
class ReadAnalyticsTest {
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private final InMemoryAnalyticsStore store = new InMemoryAnalyticsStore();
    private final MutableTimeSource clock = MutableTimeSource.at("2026-03-06T12:00:00Z");
    private final TrackTaskActivity track = new TrackTaskActivity(new InMemoryTransactions(store), store);
    private final ReadAnalytics read = new ReadAnalytics(store, clock);

    @BeforeEach
    void script() {
        // Ann, Monday 2 March: three tasks.
        var report = TaskHistory.of(ANN);
        track.track(report.created("2026-03-02T09:00:00Z", "2026-03-03T17:00:00Z"));
        track.track(report.completed("2026-03-02T10:00:00Z")); // 1 h, before its due time
        var slides = TaskHistory.of(ANN);
        track.track(slides.created("2026-03-02T11:00:00Z", "2026-03-04T09:00:00Z"));
        track.track(slides.completed("2026-03-04T11:00:00Z")); // 48 h, 2 h late: overdue on the 4th
        var call = TaskHistory.of(ANN);
        track.track(call.created("2026-03-02T12:00:00Z", "2026-03-05T08:00:00Z")); // never done: overdue on the 5th
        var later = TaskHistory.of(ANN);
        track.track(later.created("2026-03-03T08:00:00Z", "2026-03-06T18:00:00Z")); // due later today: not yet
        var dropped = TaskHistory.of(ANN);
        track.track(dropped.created("2026-03-03T08:00:00Z", "2026-03-04T08:00:00Z"));
        track.track(dropped.deleted("2026-03-03T09:00:00Z")); // deleted before due: never overdue
        // Bob, one task on Tuesday, completed in 30 minutes.
        var bobs = TaskHistory.of(BOB);
        track.track(bobs.created("2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"));
        track.track(bobs.completed("2026-03-03T10:30:00Z"));
    }

    @Test
    void aUsersSummaryHasTheirOwnNumbersDayByDay() {
        var summary = read.summary(AnalyticsScope.owner(ANN), SummaryPeriod.parse(null, null, read.today()));

        assertThat(summary.period()).isEqualTo(new SummaryPeriod(day("2026-02-28"), day("2026-03-06")));
        assertThat(summary.days())
                .filteredOn(d -> !d.numbers().equals(Numbers.ZERO))
                .containsExactly(
                        new DayNumbers(day("2026-03-02"), new Numbers(3, 1, 0, 1, 3_600_000)),
                        new DayNumbers(day("2026-03-03"), new Numbers(2, 0, 0, 0, 0)),
                        new DayNumbers(day("2026-03-04"), new Numbers(0, 1, 1, 1, 172_800_000)),
                        new DayNumbers(day("2026-03-05"), new Numbers(0, 0, 1, 0, 0)));
        assertThat(summary.totals()).isEqualTo(new Numbers(5, 2, 2, 2, 176_400_000));
        assertThat(summary.totals().averageCompletionSeconds()).isEqualTo(88_200.0);
    }

    @Test
    void theOverallSummaryAddsEveryUser() {
        var summary = read.summary(AnalyticsScope.everyone(), new SummaryPeriod(day("2026-03-03"), day("2026-03-03")));

        assertThat(summary.days()).extracting(DayNumbers::numbers).containsExactly(new Numbers(3, 1, 0, 1, 1_800_000));
    }

    @Test
    void overdueCountsMoveWithTheClock() {
        clock.set(Instant.parse("2026-03-06T18:00:01Z"));

        var summary = read.summary(AnalyticsScope.owner(ANN), new SummaryPeriod(day("2026-03-06"), day("2026-03-06")));

        assertThat(summary.totals().overdue()).isEqualTo(1);
    }

    @Test
    void overdueNowCountsOpenLateTasksOfEveryone() {
        assertThat(read.overdueNow()).isEqualTo(1);

        clock.set(Instant.parse("2026-03-06T18:00:01Z"));
        assertThat(read.overdueNow()).isEqualTo(2);
    }

    @Test
    void aPeriodWithoutActivityIsAllZeros() {
        var summary = read.summary(AnalyticsScope.owner(ANN), new SummaryPeriod(day("2025-03-01"), day("2025-03-31")));

        assertThat(summary.days()).hasSize(31).extracting(DayNumbers::numbers).containsOnly(Numbers.ZERO);
        assertThat(summary.totals()).isEqualTo(Numbers.ZERO);
        assertThat(List.of(summary.totals().averageCompletionSeconds() == null)).containsExactly(true);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
