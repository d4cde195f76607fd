package io.taskflow.functions.config;

import io.micronaut.context.annotation.Factory;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.LoginAttempts;
import io.taskflow.core.port.PasswordHasher;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.port.UserStore;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.ReadTasks;
import io.taskflow.core.user.LoginPolicy;
import io.taskflow.core.user.LoginUser;
import io.taskflow.core.user.RegisterUser;
import jakarta.inject.Singleton;

/** Wires the core's use cases with {@code new}: the core carries no annotations and is never scanned. */
@Factory
class CoreFactory {

    @Singleton
    CreateTask createTask(Transactions tx, TaskStore tasks, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        return new CreateTask(tx, tasks, outbox, time, ids);
    }

    @Singleton
    ReadTasks readTasks(TaskStore tasks) {
        return new ReadTasks(tasks);
    }

    @Singleton
    ChangeTask changeTask(Transactions tx, TaskStore tasks, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        return new ChangeTask(tx, tasks, outbox, time, ids);
    }

    @Singleton
    RegisterUser registerUser(
            Transactions tx,
            UserStore users,
            PasswordHasher hasher,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        return new RegisterUser(tx, users, hasher, outbox, time, ids);
    }

    @Singleton
    LoginUser loginUser(
            Transactions tx,
            UserStore users,
            LoginAttempts attempts,
            PasswordHasher hasher,
            TokenIssuer tokens,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        return new LoginUser(tx, users, attempts, hasher, tokens, outbox, time, ids, LoginPolicy.DEFAULT);
    }
}
