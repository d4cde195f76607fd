package io.taskflow.core.user;

import java.time.Duration;

/**
 * How many failed logins an account tolerates within a window before it is locked for a while.
 *
 * @param maxFailures the failure within {@code window} that locks the address (the next attempt is refused)
 * @param window the period failures are counted over
 * @param lockout how long a locked account refuses logins
 */
public record LoginPolicy(int maxFailures, Duration window, Duration lockout) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
}
