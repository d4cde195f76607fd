package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended, for keyset paging over (createdAt, id) descending. Opaque to callers: URL-safe Base64 of
 * {@code <epoch micros>|<id>}, so a page stays stable while tasks are added in front of it.
 */
public record TaskCursor(Instant createdAt, UUID id) {

    public static TaskCursor of(Task task) {
        return new TaskCursor(task.createdAt(), task.id());
    }

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1_000;
        String raw = micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static TaskCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            long micros = Long.parseLong(raw.substring(0, bar));
            Instant at =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
            return new TaskCursor(at, UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }
}
