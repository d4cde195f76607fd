package io.taskflow.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.DayNumbers;
import io.taskflow.core.analytics.Numbers;
import io.taskflow.core.analytics.ReadAnalytics;
import io.taskflow.core.analytics.SummaryPeriod;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.testing.TaskHistory;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.consumer.RecordingDeadLetters;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics consumer on the embedded database, fed a scripted week of March 2026 (long past, so every due time in
 * it has passed; "later" tasks are due in 2099).
 */
class AnalyticsConsumerTest {
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private AnalyticsConsumer consumer;
    private ReadAnalytics read;
    private MeterRegistry meters;

    private void start(String gaugeTtl) {
        context = TestContexts.start(Map.of("taskflow.analytics.overdue-gauge-ttl", gaugeTtl), deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        consumer = context.getBean(AnalyticsConsumer.class);
        read = context.getBean(ReadAnalytics.class);
        meters = context.getBean(MeterRegistry.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    /** Ann's week: six tasks, three completions, three overdue; Bob: one task done in half an hour. */
    private static List<DomainEvent> week() {
        var events = new ArrayList<DomainEvent>();
        var report = TaskHistory.of(ANN);
        events.add(report.created("2026-03-02T09:00:00Z", "2026-03-03T17:00:00Z"));
        events.add(report.completed("2026-03-02T10:00:00Z")); // 1 h, in time
        var slides = TaskHistory.of(ANN);
        events.add(slides.created("2026-03-02T11:00:00Z", "2026-03-04T09:00:00Z"));
        events.add(slides.completed("2026-03-04T11:00:00Z")); // 48 h, two hours late: overdue on the 4th
        var call = TaskHistory.of(ANN);
        events.add(call.created("2026-03-02T12:00:00Z", "2026-03-05T08:00:00Z")); // never done: overdue on the 5th
        var later = TaskHistory.of(ANN);
        events.add(later.created("2026-03-03T08:00:00Z", "2099-01-01T00:00:00Z"));
        var dropped = TaskHistory.of(ANN);
        events.add(dropped.created("2026-03-03T08:00:00Z", "2026-03-04T08:00:00Z"));
        events.add(dropped.deleted("2026-03-03T09:00:00Z")); // deleted before its due time: never overdue
        var reopened = TaskHistory.of(ANN);
        events.add(reopened.created("2026-03-03T09:00:00Z", "2026-03-06T09:00:00Z"));
        events.add(reopened.completed("2026-03-03T10:00:00Z")); // 1 h; the completion stays counted on the 3rd
        events.add(reopened.reopened("2026-03-05T10:00:00Z")); // open again when due: overdue on the 6th
        var bobs = TaskHistory.of(BOB);
        events.add(bobs.created("2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"));
        events.add(bobs.completed("2026-03-03T10:30:00Z"));
        return events;
    }

    @Test
    void aScriptedWeekGivesEachDaysNumbers() {
        start("0s");
        deliver(week());

        var summary = read.summary(AnalyticsScope.owner(ANN), new SummaryPeriod(day("2026-03-01"), day("2026-03-07")));

        assertThat(summary.days())
                .containsExactly(
                        new DayNumbers(day("2026-03-01"), Numbers.ZERO),
                        new DayNumbers(day("2026-03-02"), new Numbers(3, 1, 0, 1, 3_600_000)),
                        new DayNumbers(day("2026-03-03"), new Numbers(3, 1, 0, 1, 3_600_000)),
                        new DayNumbers(day("2026-03-04"), new Numbers(0, 1, 1, 1, 172_800_000)),
                        new DayNumbers(day("2026-03-05"), new Numbers(0, 0, 1, 0, 0)),
                        new DayNumbers(day("2026-03-06"), new Numbers(0, 0, 1, 0, 0)),
                        new DayNumbers(day("2026-03-07"), Numbers.ZERO));
        assertThat(summary.totals()).isEqualTo(new Numbers(6, 3, 3, 3, 180_000_000));
        assertThat(summary.totals().averageCompletionSeconds()).isEqualTo(60_000.0);
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void theOverallNumbersAddEveryUser() {
        start("0s");
        deliver(week());

        var tuesday = read.summary(AnalyticsScope.everyone(), new SummaryPeriod(day("2026-03-03"), day("2026-03-03")));
        var bobs = read.summary(AnalyticsScope.owner(BOB), new SummaryPeriod(day("2026-03-03"), day("2026-03-03")));

        assertThat(tuesday.totals()).isEqualTo(new Numbers(4, 2, 0, 2, 5_400_000));
        assertThat(tuesday.totals().averageCompletionSeconds()).isEqualTo(2_700.0);
        assertThat(bobs.totals()).isEqualTo(new Numbers(1, 1, 0, 1, 1_800_000));
    }

    @Test
    void redeliveringTheWeekTwiceMoreChangesNoNumberAndNoMetric() throws SQLException {
        start("0s");
        List<DomainEvent> week = week();
        deliver(week);
        var before = read.summary(AnalyticsScope.everyone(), new SummaryPeriod(day("2026-03-01"), day("2026-03-07")));
        var metricsBefore = metrics();

        deliver(week);
        try (Connection db = openDatabase()) {
            // Even when the inbox has forgotten the events, the projection's versions keep them from counting again.
            db.createStatement().executeUpdate("DELETE FROM inbox WHERE consumer = 'analytics'");
        }
        deliver(week);

        assertThat(read.summary(AnalyticsScope.everyone(), new SummaryPeriod(day("2026-03-01"), day("2026-03-07"))))
                .isEqualTo(before);
        assertThat(metrics()).isEqualTo(metricsBefore);
    }

    @Test
    void theBusinessMetricsCountTheWeeksTasksAndCompletionsFromZero() {
        start("0s");
        var atStart = metrics();

        deliver(week());

        assertThat(atStart).isEqualTo(List.of(0.0, 0.0, 0.0, 0.0));
        // created, completed, completion count, completion seconds: 1 h + 48 h + 1 h + 30 min.
        assertThat(metrics()).isEqualTo(List.of(7.0, 4.0, 4.0, 181_800.0));
        assertThat(meters.get("taskflow.tasks.overdue").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void aMetricIsNotCountedForAnAttemptThatRolledBack() {
        start("0s");
        var t = TaskHistory.of(ANN);
        var created = Envelopes.of(t.created("2026-03-02T09:00:00Z", null));
        var completed = Envelopes.of(t.completed("2026-03-02T09:10:00Z"));
        EventConsumer failsOnceAfterItsWork = new FailsOnceAfterItsWork(consumer, Set.of(created.id(), completed.id()));

        BatchOutcome outcome = processor.settle(
                failsOnceAfterItsWork, List.of(Delivery.first(created), Delivery.first(completed)), d -> {});

        assertThat(outcome.succeeded()).hasSize(2);
        assertThat(metrics()).isEqualTo(List.of(1.0, 1.0, 1.0, 600.0));
        assertThat(read.summary(AnalyticsScope.owner(ANN), new SummaryPeriod(day("2026-03-02"), day("2026-03-02")))
                        .totals())
                .isEqualTo(new Numbers(1, 1, 0, 1, 600_000));
    }

    @Test
    void theOverdueGaugeIsReadFromTheDatabaseAtMostOncePerTimeToLive() {
        start("1h");
        var gauge = meters.get("taskflow.tasks.overdue").gauge();
        assertThat(gauge.value()).isZero();

        deliver(week());

        assertThat(gauge.value()).as("still the cached value").isZero();
        assertThat(read.overdueNow()).isEqualTo(2);
    }

    @Test
    void aScrapeShowsTheSharedMetricNames() {
        start("0s");
        deliver(week());

        String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

        assertThat(scrape)
                .contains("taskflow_completed_tasks_total 4.0")
                .contains("taskflow_task_completion_duration_seconds_count 4")
                .contains("taskflow_task_completion_duration_seconds_bucket{le=\"3600.0\"} 3")
                .contains("taskflow_task_completion_duration_seconds_bucket{le=\"86400.0\"} 3")
                .contains("taskflow_task_completion_duration_seconds_bucket{le=\"172800.0\"} 4")
                .contains("taskflow_tasks_overdue 2.0");
    }

    /**
     * The created counter keeps its name in the scrape: the Prometheus client strips a trailing {@code _created}
     * (OpenMetrics' counter creation time), which is why the counters read "created tasks" and "completed tasks".
     */
    @Test
    void theCreatedAndCompletedCountersAreScrapedUnderTheirFullNames() {
        start("0s");
        deliver(week());

        String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

        assertThat(meters.get(TaskMetrics.CREATED).counter().count()).isEqualTo(7.0);
        assertThat(scrape)
                .contains("taskflow_created_tasks_total 7.0")
                .contains("taskflow_completed_tasks_total 4.0")
                .doesNotContain("taskflow_tasks_total");
    }

    @Test
    void eventsOfOtherTypesAreNotTheConsumersBusiness() {
        start("0s");
        assertThat(consumer.types())
                .containsExactlyInAnyOrder(
                        EventType.TASK_CREATED,
                        EventType.TASK_UPDATED,
                        EventType.TASK_COMPLETED,
                        EventType.TASK_DELETED);
        assertThat(consumer.name()).isEqualTo("analytics");
    }

    /** created, completed, completion-time count and completion-time total in seconds. */
    private List<Double> metrics() {
        var timer = meters.get("taskflow.task.completion.duration").timer();
        return List.of(
                meters.get(TaskMetrics.CREATED).counter().count(),
                meters.get(TaskMetrics.COMPLETED).counter().count(),
                (double) timer.count(),
                timer.totalTime(TimeUnit.SECONDS));
    }

    private void deliver(List<DomainEvent> events) {
        List<Delivery> batch =
                events.stream().map(Envelopes::of).map(Delivery::first).toList();
        BatchOutcome outcome = processor.process(consumer, batch);
        assertThat(outcome.settled()).as(outcome.retry().toString()).isTrue();
    }

    private Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class), "sa", "");
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** The real consumer's work, then a failure on the first attempt of each listed event: the transaction rolls back. */
    private static final class FailsOnceAfterItsWork implements EventConsumer {
        private final AnalyticsConsumer real;
        private final Map<String, Boolean> failed = new HashMap<>();
        private final Set<String> ids;

        FailsOnceAfterItsWork(AnalyticsConsumer real, Set<String> ids) {
            this.real = real;
            this.ids = ids;
        }

        @Override
        public String name() {
            return "analytics-flaky";
        }

        @Override
        public Set<EventType> types() {
            return real.types();
        }

        @Override
        public void handle(DomainEvent event, EventEnvelope envelope) {
            real.handle(event, envelope);
            if (ids.contains(envelope.id()) && failed.putIfAbsent(envelope.id(), true) == null) {
                throw new IllegalStateException("the commit failed");
            }
        }
    }
}
