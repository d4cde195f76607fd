package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.functions.reminder.ReminderSweep;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders against the run's real database and broker: competing sweepers fire each reminder exactly once, and a
 * scheduler that was off catches up when it comes back.
 */
class ReminderSweepIT {
    static EmbeddedServer server;
    static Api api;
    static TopicReader reader;

    @BeforeAll
    static void start() {
        // The scheduler stays off here: the test drives the sweep itself. Small batches make the sweepers interleave.
        server = startApp(Map.of(
                "taskflow.reminders.enabled",
                false,
                "taskflow.reminders.interval",
                "200ms",
                "taskflow.reminders.batch-size",
                5));
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
        reader = new TopicReader(TestStack.get().broker().bootstrapServers(), "reminder.triggered");
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
    }

    private static EmbeddedServer startApp(Map<String, Object> overrides) {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @Test
    void twoSweepersRacingFireEveryReminderExactlyOnceInTheOutboxAndOnTheTopic() throws Exception {
        User ada = api.newUser();
        Instant now = Instant.now();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            ids.add(taskRemindedAt(ada, now.minus(Duration.ofSeconds(60 - i))));
        }
        Instant ahead = Instant.now().plus(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            ids.add(taskRemindedAt(ada, ahead.plusMillis(100L * i)));
        }
        Instant lastDue = ahead.plusMillis(900);
        long before = reminderRows();

        List<Integer> firedBySweeper = raceTwoSweepersUntil(lastDue.plus(Duration.ofSeconds(1)));

        assertThat(firedBySweeper.stream().mapToInt(Integer::intValue).sum())
                .as("fired by each sweeper: %s", firedBySweeper)
                .isEqualTo(reminderRows() - before);
        assertThat(reminderRowsPerTask(ids))
                .hasSize(ids.size())
                .allSatisfy((task, rows) -> assertThat(rows).isOne());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(onTopicPerTask(ids)).hasSize(ids.size()));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(onTopicPerTask(ids))
                        .allSatisfy((task, records) -> assertThat(records).isOne()));
    }

    @Test
    void remindersThatCameDueWhileTheSchedulerWasOffFireOnceWhenItRunsAgain() throws SQLException {
        User bob = api.newUser();
        var ids = List.of(
                taskRemindedAt(bob, Instant.now().minus(Duration.ofDays(2))),
                taskRemindedAt(bob, Instant.now().minus(Duration.ofHours(1))),
                taskRemindedAt(bob, Instant.now().minus(Duration.ofSeconds(1))));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(reminderRowsPerTask(ids))
                        .as("nothing fires while the scheduler is switched off")
                        .isEmpty());

        EmbeddedServer scheduled = startApp(Map.of("taskflow.reminders.interval", "200ms"));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(onTopicPerTask(ids)).hasSize(3));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(reminderRowsPerTask(ids))
                            .hasSize(3)
                            .allSatisfy((task, rows) -> assertThat(rows).isOne()));
        } finally {
            scheduled.close();
        }
        assertThat(onTopicPerTask(ids))
                .allSatisfy((task, records) -> assertThat(records).isOne());
    }

    /** Both sweepers start together and sweep until {@code end}; returns how many each fired. */
    private static List<Integer> raceTwoSweepersUntil(Instant end) throws Exception {
        ReminderSweep sweep = server.getApplicationContext().getBean(ReminderSweep.class);
        var start = new CyclicBarrier(2);
        ExecutorService sweepers = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                results.add(sweepers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int fired = 0;
                    while (Instant.now().isBefore(end)) {
                        fired += sweep.sweep();
                    }
                    return fired;
                }));
            }
            var fired = new ArrayList<Integer>();
            for (Future<Integer> result : results) {
                fired.add(result.get(30, TimeUnit.SECONDS));
            }
            return fired;
        } finally {
            sweepers.shutdownNow();
        }
    }

    private static String taskRemindedAt(User user, Instant remindAt) {
        var r = api.post(
                "/tasks",
                user,
                "{\"title\":\"remind me\",\"remindAt\":\"" + remindAt.truncatedTo(ChronoUnit.MILLIS) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private static Map<String, Long> onTopicPerTask(List<String> ids) {
        return reader.poll().stream()
                .filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(TopicReader.Received::key, Collectors.counting()));
    }

    private static long reminderRows() throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM outbox WHERE event_type = 'reminder.triggered'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> reminderRowsPerTask(List<String> ids) throws SQLException {
        var perTask = new HashMap<String, Long>();
        try (var c = TestStack.get().openDatabase();
                var rs = c.createStatement()
                        .executeQuery("SELECT subject FROM outbox WHERE event_type = 'reminder.triggered'")) {
            while (rs.next()) {
                String subject = rs.getString(1);
                if (ids.contains(subject)) {
                    perTask.merge(subject, 1L, Long::sum);
                }
            }
        }
        return perTask;
    }
}
