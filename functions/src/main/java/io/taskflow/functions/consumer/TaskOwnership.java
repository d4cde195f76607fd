package io.taskflow.functions.consumer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskSnapshotEvent;
import io.taskflow.functions.event.InvalidEventException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Events are untrusted input: a consumer that acts for the user an event names (sends them a notification, pushes
 * to their connections) first holds that name against the task's own record. An event about a task whose stored owner
 * is someone else is refused as invalid (it goes to the dead letters and does nothing). A task that no longer exists
 * cannot contradict anything: its event is taken as it is.
 */
@Singleton
public class TaskOwnership {
    private final JdbcOperations jdbc;

    TaskOwnership(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws InvalidEventException when the event's user is not the owner the task's record names */
    @Transactional
    public void confirm(DomainEvent event) {
        UUID task = taskOf(event);
        if (task == null) {
            return;
        }
        Optional<UUID> owner = ownerOf(task);
        if (owner.isEmpty()) {
            return;
        }
        boolean contradicted = !owner.get().equals(event.actorId())
                || (event instanceof TaskSnapshotEvent s
                        && !owner.get().equals(s.task().ownerId()));
        if (contradicted) {
            throw new InvalidEventException("event " + event.eventId() + " names a user who does not own task " + task);
        }
    }

    private static UUID taskOf(DomainEvent event) {
        if (event instanceof TaskSnapshotEvent || event instanceof TaskDeleted || event instanceof ReminderTriggered) {
            return event.aggregateId();
        }
        return null;
    }

    private Optional<UUID> ownerOf(UUID task) {
        return jdbc.prepareStatement("SELECT owner_id FROM tasks WHERE id = ?", ps -> {
            ps.setObject(1, task);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }
}
