package io.taskflow.core.notification;

import io.taskflow.core.task.Task;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The daily digest e-mail: a user's open tasks due that day and those overdue, each list in due order. */
public final class DigestEmail {
    /** Past this many per list, the e-mail says how many more there are. */
    public static final int MAX_LISTED = 50;

    private DigestEmail() {}

    public static EmailMessage of(Contact to, LocalDate day, List<Task> dueToday, List<Task> overdue) {
        var body = new StringBuilder()
                .append("Hello ")
                .append(to.displayName() == null || to.displayName().isBlank() ? "there" : to.displayName())
                .append(",\n\nyour open tasks for ")
                .append(day)
                .append(" (UTC):\n");
        section(body, "Due today", dueToday);
        section(body, "Overdue", overdue);
        body.append("\nYou receive this because the daily digest is on in your notification preferences.\n");
        String subject = EmailMessage.SUBJECT_PREFIX + "Your tasks for " + day + ": " + dueToday.size() + " due, "
                + overdue.size() + " overdue";
        return new EmailMessage(to.email(), subject, body.toString());
    }

    private static void section(StringBuilder body, String heading, List<Task> tasks) {
        body.append('\n').append(heading).append(" (").append(tasks.size()).append("):\n");
        if (tasks.isEmpty()) {
            body.append("  none\n");
            return;
        }
        for (Task task : tasks.subList(0, Math.min(tasks.size(), MAX_LISTED))) {
            body.append("  - ")
                    .append(task.details().title())
                    .append(" (due ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(
                            task.details().dueAt().truncatedTo(ChronoUnit.MINUTES)))
                    .append(", ")
                    .append(task.details().priority())
                    .append(")\n");
        }
        if (tasks.size() > MAX_LISTED) {
            body.append("  … and ").append(tasks.size() - MAX_LISTED).append(" more\n");
        }
    }
}
