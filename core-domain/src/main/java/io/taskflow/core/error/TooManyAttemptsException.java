package io.taskflow.core.error;

import java.time.Duration;

/** Too many failed logins for one account: the caller must wait before trying again. */
public final class TooManyAttemptsException extends DomainException {
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed login attempts; retry in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
