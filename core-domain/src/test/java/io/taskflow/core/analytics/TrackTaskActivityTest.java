package io.taskflow.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.EventType;
import io.taskflow.core.event.SampleEvents;
import io.taskflow.core.testing.InMemoryAnalyticsStore;
import io.taskflow.core.testing.InMemoryTransactions;
import io.taskflow.core.testing.TaskHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackTaskActivityTest {
    private static final UUID ANN = UUID.randomUUID();
    private static final LocalDate MAR_2 = LocalDate.parse("2026-03-02");
    private static final LocalDate MAR_3 = LocalDate.parse("2026-03-03");

    private final InMemoryAnalyticsStore store = new InMemoryAnalyticsStore();
    private final InMemoryTransactions tx = new InMemoryTransactions(store);
    private final TrackTaskActivity track = new TrackTaskActivity(tx, store);

    @Test
    void aCreatedTaskIsCountedOnItsCreationDayAndItsFactsAreKept() {
        var t = TaskHistory.of(ANN);

        Tracked tracked = track.track(t.created("2026-03-02T23:59:59Z", "2026-03-04T17:00:00Z"));

        assertThat(tracked).isEqualTo(new Tracked(true, null));
        assertThat(store.counters(ANN, MAR_2)).isEqualTo(DailyCounts.oneCreated(MAR_2));
        assertThat(store.facts(t.taskId()))
                .contains(new TaskFacts(
                        t.taskId(),
                        ANN,
                        Instant.parse("2026-03-02T23:59:59Z"),
                        Instant.parse("2026-03-04T17:00:00Z"),
                        null,
                        null,
                        1));
    }

    @Test
    void aCompletionIsCountedOnItsOwnDayWithTheTimeSinceCreation() {
        var t = TaskHistory.of(ANN);
        track.track(t.created("2026-03-02T22:00:00Z", null));

        Tracked tracked = track.track(t.completed("2026-03-03T01:30:00.250Z"));

        Duration took = Duration.ofMinutes(210).plusMillis(250);
        assertThat(tracked).isEqualTo(new Tracked(false, took));
        assertThat(store.counters(ANN, MAR_3)).isEqualTo(DailyCounts.oneCompleted(MAR_3, took));
        assertThat(store.counters(ANN, MAR_2).completed()).isZero();
        assertThat(store.facts(t.taskId()).orElseThrow().completedAt())
                .isEqualTo(Instant.parse("2026-03-03T01:30:00.250Z"));
    }

    @Test
    void aRepeatedEventChangesNothingAndCountsNothing() {
        var t = TaskHistory.of(ANN);
        var created = t.created("2026-03-02T09:00:00Z", null);
        var completed = t.completed("2026-03-02T10:00:00Z");
        track.track(created);
        track.track(completed);

        assertThat(track.track(created)).isEqualTo(Tracked.NOTHING);
        assertThat(track.track(completed)).isEqualTo(Tracked.NOTHING);

        assertThat(store.counters(ANN, MAR_2)).isEqualTo(new DailyCounts(MAR_2, 1, 1, 1, 3_600_000));
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteNewerFacts() {
        var t = TaskHistory.of(ANN);
        var created = t.created("2026-03-02T09:00:00Z", "2026-03-05T09:00:00Z");
        var moved = t.dueMovedTo("2026-03-02T10:00:00Z", "2026-03-09T09:00:00Z");
        track.track(created);
        track.track(moved);

        track.track(created);

        assertThat(store.facts(t.taskId()).orElseThrow().dueAt()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void aDeletedTaskKeepsItsHistoryAndAReopenedOneLosesItsCompletionTime() {
        var t = TaskHistory.of(ANN);
        track.track(t.created("2026-03-02T09:00:00Z", "2026-03-05T09:00:00Z"));
        track.track(t.completed("2026-03-02T10:00:00Z"));
        track.track(t.reopened("2026-03-03T10:00:00Z"));
        track.track(t.deleted("2026-03-04T10:00:00Z"));

        TaskFacts facts = store.facts(t.taskId()).orElseThrow();
        assertThat(facts.completedAt()).isNull();
        assertThat(facts.deletedAt()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(facts.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(facts.version()).isEqualTo(4);
        assertThat(store.counters(ANN, MAR_2)).isEqualTo(new DailyCounts(MAR_2, 1, 1, 1, 3_600_000));
    }

    @Test
    void anUpdateSeenBeforeItsCreationCountsTheTaskAsCreatedOnceOnItsCreationDay() {
        var t = TaskHistory.of(ANN);
        var created = t.created("2026-03-02T09:00:00Z", "2026-03-05T09:00:00Z");
        var moved = t.dueMovedTo("2026-03-03T10:00:00Z", "2026-03-09T09:00:00Z");

        assertThat(track.track(moved)).isEqualTo(new Tracked(true, null));
        assertThat(track.track(created)).isEqualTo(Tracked.NOTHING);

        assertThat(store.counters(ANN, MAR_2)).isEqualTo(DailyCounts.oneCreated(MAR_2));
        assertThat(store.counters(ANN, MAR_3).created()).isZero();
    }

    @Test
    void aDeletionSeenBeforeAnythingElseLeavesATombstoneThatOlderEventsCannotRevive() {
        var t = TaskHistory.of(ANN);
        var created = t.created("2026-03-02T09:00:00Z", null);
        var deleted = t.deleted("2026-03-02T10:00:00Z");

        assertThat(track.track(deleted)).isEqualTo(Tracked.NOTHING);
        assertThat(track.track(created)).isEqualTo(Tracked.NOTHING);

        assertThat(store.facts(t.taskId()).orElseThrow())
                .isEqualTo(new TaskFacts(t.taskId(), ANN, null, null, null, Instant.parse("2026-03-02T10:00:00Z"), 2));
        assertThat(store.counters(ANN, MAR_2).created()).isZero();
    }

    @Test
    void eventsThatAreNotAboutTasksAreIgnored() {
        assertThat(track.track(SampleEvents.of(EventType.USER_REGISTERED, SampleEvents.Variant.FULL)))
                .isEqualTo(Tracked.NOTHING);
        assertThat(track.track(SampleEvents.of(EventType.REMINDER_TRIGGERED, SampleEvents.Variant.FULL)))
                .isEqualTo(Tracked.NOTHING);
        assertThat(tx.commits()).isZero();
    }

    @Test
    void whenTheTransactionFailsNeitherFactsNorCountersChange() {
        var t = TaskHistory.of(ANN);
        var created = t.created("2026-03-02T09:00:00Z", null);

        assertThatThrownBy(() -> tx.inTransaction(() -> {
                    track.track(created);
                    throw new IllegalStateException("the inbox row could not be written");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.facts(t.taskId())).isEmpty();
        assertThat(store.counters(ANN, MAR_2).created()).isZero();
        assertThat(track.track(created).created()).isTrue();
    }
}
