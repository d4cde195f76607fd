package io.taskflow.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.DailyCounts;
import io.taskflow.core.analytics.OverdueRule;
import io.taskflow.core.analytics.TaskFacts;
import io.taskflow.core.port.AnalyticsStore;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.consumer.RecordingDeadLetters;
import io.taskflow.functions.testing.TestContexts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL of the store against the core's rules, over many generated tasks. */
class JdbcAnalyticsStoreTest {
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-03-02");
    private static final LocalDate TO = LocalDate.parse("2026-03-08");

    private ApplicationContext context;
    private AnalyticsStore store;
    private Transactions tx;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of(), new RecordingDeadLetters());
        store = context.getBean(AnalyticsStore.class);
        tx = context.getBean(Transactions.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void overdueCountsAreTheOnesTheCoreRuleGivesForEveryDayOwnerAndMoment() {
        var random = new Random(20260302);
        List<UUID> owners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var facts = new ArrayList<TaskFacts>();
        for (int i = 0; i < 400; i++) {
            facts.add(randomFacts(random, owners.get(random.nextInt(owners.size()))));
        }
        tx.inTransaction(() -> {
            facts.forEach(store::insert);
            return null;
        });

        for (Instant asOf : List.of(
                Instant.parse("2026-03-04T12:00:00Z"),
                Instant.parse("2026-03-06T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"))) {
            assertThat(store.overdueByDueDay(AnalyticsScope.everyone(), FROM, TO, asOf))
                    .as("everyone as of %s", asOf)
                    .isEqualTo(expectedOverdue(facts, null, asOf))
                    .isNotEmpty();
            for (UUID owner : owners) {
                assertThat(store.overdueByDueDay(AnalyticsScope.owner(owner), FROM, TO, asOf))
                        .as("owner as of %s", asOf)
                        .isEqualTo(expectedOverdue(facts, owner, asOf));
            }
            assertThat(store.overdueNow(asOf))
                    .isEqualTo(facts.stream()
                            .filter(f -> OverdueRule.isOverdueNow(f, asOf))
                            .count());
        }
    }

    @Test
    void factsReadBackAsTheyWereWrittenAndUpdatesReplaceThem() {
        var facts = new TaskFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.parse("2026-03-02T09:00:00.123456Z"),
                Instant.parse("2026-03-02T23:59:59.999999Z"),
                null,
                null,
                1);
        var later = new TaskFacts(
                facts.taskId(),
                facts.ownerId(),
                facts.createdAt(),
                null,
                Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-04T00:00:00Z"),
                3);

        tx.inTransaction(() -> {
            store.insert(facts);
            assertThat(store.findForUpdate(facts.taskId())).contains(facts);
            store.update(later);
            return null;
        });

        assertThat(tx.inTransaction(() -> store.findForUpdate(facts.taskId()))).contains(later);
    }

    @Test
    void countersAddUpPerOwnerAndDayAndSumOverOwners() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        LocalDate day = LocalDate.parse("2026-03-03");
        tx.inTransaction(() -> {
            store.add(ann, DailyCounts.oneCreated(day));
            store.add(ann, DailyCounts.oneCreated(day));
            store.add(ann, DailyCounts.oneCompleted(day, Duration.ofMinutes(2)));
            store.add(bob, DailyCounts.oneCompleted(day, Duration.ofMinutes(4)));
            store.add(bob, DailyCounts.oneCreated(day.plusDays(1)));
            return null;
        });

        assertThat(store.daily(AnalyticsScope.owner(ann), day, day))
                .containsExactly(new DailyCounts(day, 2, 1, 1, 120_000));
        assertThat(store.daily(AnalyticsScope.everyone(), day.minusDays(1), day.plusDays(1)))
                .containsExactly(new DailyCounts(day, 2, 2, 2, 360_000), new DailyCounts(day.plusDays(1), 1, 0, 0, 0));
    }

    private static Map<LocalDate, Long> expectedOverdue(List<TaskFacts> facts, UUID owner, Instant asOf) {
        return facts.stream()
                .filter(f -> owner == null || f.ownerId().equals(owner))
                .filter(f -> f.dueDay() != null
                        && !f.dueDay().isBefore(FROM)
                        && !f.dueDay().isAfter(TO))
                .filter(f -> OverdueRule.wasOverdue(f, asOf))
                .collect(Collectors.groupingBy(TaskFacts::dueDay, Collectors.counting()));
    }

    /** Due times over ten days; completions and deletions around the due time, some exactly on it, some never. */
    private static TaskFacts randomFacts(Random random, UUID owner) {
        Instant created = BASE.plusSeconds(random.nextInt(3 * 86_400));
        Instant due = random.nextInt(10) == 0 ? null : BASE.plusSeconds(random.nextInt(10 * 86_400));
        return new TaskFacts(
                UUID.randomUUID(),
                owner,
                created,
                due,
                around(random, due),
                around(random, due),
                random.nextInt(5) + 1L);
    }

    private static Instant around(Random random, Instant due) {
        int pick = random.nextInt(4);
        if (pick == 0 || due == null) {
            return null;
        }
        if (pick == 1) {
            return due;
        }
        return due.plusSeconds(random.nextInt(2 * 86_400) - 86_400L);
    }
}
