package io.taskflow.core.audit;

import io.taskflow.core.error.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/**
 * A page of one user's audit entries about one subject, oldest first.
 *
 * @param userId whose entries: only events on this user's behalf are returned
 * @param subject the aggregate: a task id, or the user's own id for their account's events
 * @param after the cursor of the previous page, or null for the first page
 */
public record AuditQuery(UUID userId, UUID subject, int limit, AuditCursor after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(subject, "subject");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The sequence number entries must be above. */
    public long afterSeq() {
        return after == null ? 0 : after.seq();
    }
}
