package io.taskflow.core.notification;

import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.event.TaskUpdated;
import io.taskflow.core.event.UserAuthenticated;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Events of each notifiable type for one user, at a given time. */
final class NotificationEvents {
    static final UUID ADA = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    static final UUID TASK = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");

    private NotificationEvents() {}

    static ReminderTriggered reminder(UUID user, Instant at) {
        return new ReminderTriggered(UUID.randomUUID(), at, user, TASK, 1, at, "Pay the rent");
    }

    static TaskCreated created(UUID user, Instant at) {
        return new TaskCreated(UUID.randomUUID(), at, user, task(user, at));
    }

    static TaskUpdated updated(UUID user, Instant at) {
        return new TaskUpdated(UUID.randomUUID(), at, user, task(user, at), Set.of("title", "dueAt"));
    }

    static TaskCompleted completed(UUID user, Instant at) {
        return new TaskCompleted(UUID.randomUUID(), at, user, task(user, at).complete(at));
    }

    static UserAuthenticated authenticated(UUID user, Instant at) {
        return new UserAuthenticated(UUID.randomUUID(), at, new User(user, "ada@example.com", "Ada", "", 1, at));
    }

    private static Task task(UUID user, Instant at) {
        return Task.create(
                TASK, user, TaskFixtures.details().title("Pay the rent").build(), at);
    }
}
