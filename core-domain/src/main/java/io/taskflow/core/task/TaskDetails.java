package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user may say about a task. Validates itself, so a task can never hold a value out of range.
 *
 * @param description optional
 * @param dueAt optional
 * @param remindAt optional; not after {@code dueAt}
 * @param recurrence optional
 */
public record TaskDetails(
        String title,
        String description,
        Priority priority,
        Instant dueAt,
        Instant remindAt,
        List<String> tags,
        RecurrenceRule recurrence) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 40;
    /** Dates outside this window are typing mistakes, not plans. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.:-]+");

    public TaskDetails {
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        priority = priority == null ? Priority.MEDIUM : priority;
        // Stored with microsecond precision everywhere: keep only what will be read back.
        dueAt = dueAt == null ? null : dueAt.truncatedTo(ChronoUnit.MICROS);
        remindAt = remindAt == null ? null : remindAt.truncatedTo(ChronoUnit.MICROS);
        checkWindow("dueAt", dueAt);
        checkWindow("remindAt", remindAt);
        if (dueAt != null && remindAt != null && remindAt.isAfter(dueAt)) {
            throw new InvalidInputException("remindAt", "must not be after dueAt");
        }
        tags = normalise(tags);
    }

    private static void checkWindow(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
            throw new InvalidInputException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
        }
        var unique = new LinkedHashSet<String>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty() || t.length() > MAX_TAG || !TAG.matcher(t).matches()) {
                throw new InvalidInputException(
                        "tags", "each tag is 1-" + MAX_TAG + " letters, digits or _ . : - (got '" + tag + "')");
            }
            unique.add(t);
        }
        return List.copyOf(unique);
    }
}
