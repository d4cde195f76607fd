package io.taskflow.core.testing;

import io.taskflow.core.recurrence.CreateNextOccurrence;
import io.taskflow.core.reminder.TriggerReminders;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.ReadTasks;
import io.taskflow.core.user.LoginPolicy;
import io.taskflow.core.user.LoginUser;
import io.taskflow.core.user.RegisterUser;

/**
 * Every fake wired together, with the use cases built on them. The transactions roll back the stores, the login
 * attempts and the outbox, so a failed use case leaves all of them as they were.
 */
public final class InMemoryCore {
    public static final String START = "2026-03-02T10:15:30.123456Z";

    private final MutableTimeSource clock = MutableTimeSource.at(START);
    private final SequentialIds ids = new SequentialIds();
    private final InMemoryTaskStore tasks = new InMemoryTaskStore();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final PlainPasswordHasher hasher = new PlainPasswordHasher();
    private final FakeTokenIssuer tokens = new FakeTokenIssuer();
    private final InMemoryDueReminders reminders = new InMemoryDueReminders(tasks, clock);
    private final InMemorySeriesLinks seriesLinks = new InMemorySeriesLinks();
    private final InMemoryTransactions transactions =
            new InMemoryTransactions(tasks, users, loginAttempts, outbox, reminders, seriesLinks);

    public CreateTask createTask() {
        return new CreateTask(transactions, tasks, outbox, clock, ids);
    }

    public ChangeTask changeTask() {
        return new ChangeTask(transactions, tasks, outbox, clock, ids);
    }

    public ReadTasks readTasks() {
        return new ReadTasks(tasks);
    }

    public TriggerReminders triggerReminders() {
        return new TriggerReminders(transactions, reminders, outbox, clock, ids);
    }

    public CreateNextOccurrence createNextOccurrence() {
        return new CreateNextOccurrence(transactions, tasks, seriesLinks, outbox, clock, ids);
    }

    public RegisterUser registerUser() {
        return new RegisterUser(transactions, users, hasher, outbox, clock, ids);
    }

    public LoginUser loginUser() {
        return loginUser(LoginPolicy.DEFAULT);
    }

    public LoginUser loginUser(LoginPolicy policy) {
        return new LoginUser(transactions, users, loginAttempts, hasher, tokens, outbox, clock, ids, policy);
    }

    public MutableTimeSource clock() {
        return clock;
    }

    public SequentialIds ids() {
        return ids;
    }

    public InMemoryTaskStore tasks() {
        return tasks;
    }

    public InMemoryDueReminders reminders() {
        return reminders;
    }

    public InMemorySeriesLinks seriesLinks() {
        return seriesLinks;
    }

    public InMemoryUserStore users() {
        return users;
    }

    public InMemoryLoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public RecordingOutbox outbox() {
        return outbox;
    }

    public PlainPasswordHasher hasher() {
        return hasher;
    }

    public FakeTokenIssuer tokens() {
        return tokens;
    }

    public InMemoryTransactions transactions() {
        return transactions;
    }
}
