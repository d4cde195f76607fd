package io.taskflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.task.Task;
import io.taskflow.core.user.LoginAttempt;
import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final InMemoryTaskStore tasks = new InMemoryTaskStore();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryTransactions tx = new InMemoryTransactions(tasks, users, attempts, outbox);

    @Test
    void whenTheWorkSucceedsItsChangesStay() {
        Task task = newTask();

        tx.inTransaction(() -> {
            tasks.insert(task);
            return null;
        });

        assertThat(tasks.all()).containsExactly(task);
        assertThat(tx.commits()).isEqualTo(1);
        assertThat(tx.rollbacks()).isZero();
    }

    @Test
    void whenTheWorkThrowsEveryParticipantIsPutBackAndTheExceptionPropagates() {
        Task kept = newTask();
        tasks.insert(kept);
        attempts.save(new LoginAttempt("ann@example.com", 2, NOW, null));

        assertThatThrownBy(() -> tx.inTransaction(() -> {
                    tasks.delete(kept.ownerId(), kept.id(), kept.version());
                    tasks.insert(newTask());
                    users.insert(new User(UUID.randomUUID(), "bob@example.com", "Bob", "h", 1, NOW));
                    attempts.clear("ann@example.com");
                    outbox.append(new TaskDeleted(UUID.randomUUID(), NOW, kept.ownerId(), kept.id(), 2));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(tasks.all()).containsExactly(kept);
        assertThat(users.all()).isEmpty();
        assertThat(attempts.stored("ann@example.com")).isPresent();
        assertThat(outbox.events()).isEmpty();
        assertThat(tx.rollbacks()).isEqualTo(1);
    }

    @Test
    void aNestedCallJoinsTheOuterTransactionAndIsRolledBackWithIt() {
        assertThatThrownBy(() -> tx.inTransaction(() -> {
                    tx.inTransaction(() -> {
                        tasks.insert(newTask());
                        return null;
                    });
                    throw new IllegalStateException("outer fails");
                }))
                .hasMessage("outer fails");

        assertThat(tasks.all()).isEmpty();
        assertThat(tx.commits()).isZero();
    }

    private static Task newTask() {
        return Task.create(UUID.randomUUID(), UUID.randomUUID(), TaskFixtures.minimalDetails(), NOW);
    }
}
