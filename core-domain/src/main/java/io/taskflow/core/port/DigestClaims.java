package io.taskflow.core.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row per (user, day) whose digest was taken on: the claim that makes the digest go out at most once a day. */
public interface DigestClaims {

    /**
     * Claims the user's digest of {@code day}, committed at once, so that a second instance running the same schedule
     * sees it.
     *
     * @return false when it was claimed already
     */
    boolean claim(UUID userId, LocalDate day, Instant at);

    /** Records what became of a claimed digest: {@code sent}, {@code skipped} or {@code failed}, with its detail. */
    void finish(UUID userId, LocalDate day, String outcome, String detail, Instant at);
}
