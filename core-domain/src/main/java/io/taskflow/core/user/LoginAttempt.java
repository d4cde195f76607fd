package io.taskflow.core.user;

import java.time.Instant;

/**
 * The failed-login record of one e-mail address.
 *
 * @param windowStart when the first failure of the current window happened
 * @param lockedUntil null unless the address is locked
 */
public record LoginAttempt(String email, int failures, Instant windowStart, Instant lockedUntil) {

    public static LoginAttempt none(String email) {
        return new LoginAttempt(email, 0, null, null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The record after one more failure at {@code now}, locked when the policy says so. */
    public LoginAttempt fail(Instant now, LoginPolicy policy) {
        boolean windowOver = windowStart == null || !now.isBefore(windowStart.plus(policy.window()));
        int count = windowOver ? 1 : failures + 1;
        Instant start = windowOver ? now : windowStart;
        Instant lock = count >= policy.maxFailures() ? now.plus(policy.lockout()) : null;
        return new LoginAttempt(email, lock == null ? count : 0, lock == null ? start : null, lock);
    }
}
