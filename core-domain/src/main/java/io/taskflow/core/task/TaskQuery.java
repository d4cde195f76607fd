package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.time.Instant;
import java.util.UUID;

/**
 * A page request over one owner's tasks, newest first. Every filter is optional.
 *
 * @param text matched case-insensitively against title and description
 * @param after the cursor of the previous page, or null for the first page
 */
public record TaskQuery(
        UUID ownerId,
        TaskStatus status,
        Priority priority,
        String tag,
        Instant dueBefore,
        String text,
        int limit,
        TaskCursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_TEXT = 200;

    public TaskQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", "must be at most " + MAX_TEXT + " characters");
        }
        if (tag != null && tag.length() > TaskDetails.MAX_TAG) {
            throw new InvalidInputException("tag", "must be at most " + TaskDetails.MAX_TAG + " characters");
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
