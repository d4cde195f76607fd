package io.taskflow.core.audit;

import io.taskflow.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of audit entries ended. Opaque to callers: URL-safe Base64 of {@code a<seq>}. The chain only grows at
 * its end, so a page never shifts.
 */
public record AuditCursor(long seq) {
    private static final String PREFIX = "a";

    public AuditCursor {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    public static AuditCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return new AuditCursor(Long.parseLong(raw.substring(PREFIX.length())));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this API");
        }
    }
}
