package io.taskflow.core.notification;

import io.taskflow.core.port.DigestClaims;
import io.taskflow.core.port.EmailSender;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.UserContacts;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskCursor;
import io.taskflow.core.task.TaskQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Sends each subscriber the digest of one UTC day, at most once per user and day however many instances run the
 * schedule: the (user, day) is claimed and committed before anything is sent. A digest that fails is recorded, not
 * retried; one with nothing due or overdue is skipped.
 */
public final class SendDailyDigest {
    public static final String NOTHING_DUE = "nothing due";
    /** Bounds the scan of one user's tasks (pages of {@link TaskQuery#MAX_LIMIT}). */
    static final int MAX_PAGES = 20;

    private final PreferencesStore preferences;
    private final DigestClaims claims;
    private final TaskStore tasks;
    private final UserContacts contacts;
    private final EmailSender email;
    private final TimeSource time;

    public SendDailyDigest(
            PreferencesStore preferences,
            DigestClaims claims,
            TaskStore tasks,
            UserContacts contacts,
            EmailSender email,
            TimeSource time) {
        this.preferences = preferences;
        this.claims = claims;
        this.tasks = tasks;
        this.contacts = contacts;
        this.email = email;
        this.time = time;
    }

    /** @param claimedElsewhere digests of that day this run found claimed already (by an earlier run or another instance) */
    public record Run(int sent, int skipped, int failed, int claimedElsewhere) {}

    public Run run(LocalDate day) {
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        int claimedElsewhere = 0;
        for (UUID user : preferences.digestSubscribers()) {
            if (!claims.claim(user, day, time.now())) {
                claimedElsewhere++;
                continue;
            }
            SendOutcome outcome = sendTo(user, day);
            if (outcome instanceof SendOutcome.Sent) {
                sent++;
                claims.finish(user, day, "sent", null, time.now());
            } else if (outcome instanceof SendOutcome.Skipped s) {
                skipped++;
                claims.finish(user, day, "skipped", s.reason(), time.now());
            } else if (outcome instanceof SendOutcome.Failed f) {
                failed++;
                claims.finish(user, day, "failed", Delivery.clip(f.error()), time.now());
            }
        }
        return new Run(sent, skipped, failed, claimedElsewhere);
    }

    private SendOutcome sendTo(UUID user, LocalDate day) {
        try {
            var contact = contacts.find(user);
            if (contact.isEmpty()) {
                return new SendOutcome.Skipped(DeliverNotifications.NO_EMAIL_ADDRESS);
            }
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Task> open = openTasksDueBefore(
                    user, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            List<Task> dueToday = open.stream()
                    .filter(t -> !t.details().dueAt().isBefore(dayStart))
                    .toList();
            List<Task> overdue = open.stream()
                    .filter(t -> t.details().dueAt().isBefore(dayStart))
                    .toList();
            if (open.isEmpty()) {
                return new SendOutcome.Skipped(NOTHING_DUE);
            }
            return email.send(DigestEmail.of(contact.get(), day, dueToday, overdue));
        } catch (RuntimeException e) {
            return new SendOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Open (not completed) tasks with a due date before {@code end}, earliest due first. */
    private List<Task> openTasksDueBefore(UUID user, Instant end) {
        var open = new ArrayList<Task>();
        TaskCursor after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var result = tasks.list(new TaskQuery(user, null, null, null, end, null, TaskQuery.MAX_LIMIT, after));
            result.items().stream().filter(t -> !t.isCompleted()).forEach(open::add);
            if (result.next() == null) {
                break;
            }
            after = result.next();
        }
        open.sort(Comparator.comparing((Task t) -> t.details().dueAt()).thenComparing(t -> t.id().toString()));
        return open;
    }
}
