package io.taskflow.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginAttemptTest {
    private static final LoginPolicy POLICY = new LoginPolicy(3, Duration.ofMinutes(15), Duration.ofMinutes(10));
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String EMAIL = "ann@example.com";

    @Test
    void noRecordIsNotLocked() {
        var none = LoginAttempt.none(EMAIL);

        assertThat(none.failures()).isZero();
        assertThat(none.isLocked(T0)).isFalse();
    }

    @Test
    void theFirstFailureStartsAWindowWithOneFailure() {
        var after = LoginAttempt.none(EMAIL).fail(T0, POLICY);

        assertThat(after).isEqualTo(new LoginAttempt(EMAIL, 1, T0, null));
        assertThat(after.isLocked(T0)).isFalse();
    }

    @Test
    void failuresWithinTheWindowAddUpFromItsStart() {
        var after = LoginAttempt.none(EMAIL).fail(T0, POLICY).fail(T0.plus(Duration.ofMinutes(14)), POLICY);

        assertThat(after.failures()).isEqualTo(2);
        assertThat(after.windowStart()).isEqualTo(T0);
    }

    @Test
    void aFailureWhenTheWindowHasPassedStartsANewWindow() {
        var later = T0.plus(POLICY.window());

        var after = LoginAttempt.none(EMAIL)
                .fail(T0, POLICY)
                .fail(T0.plusSeconds(1), POLICY)
                .fail(later, POLICY);

        assertThat(after).isEqualTo(new LoginAttempt(EMAIL, 1, later, null));
    }

    @Test
    void theMaxFailureWithinTheWindowLocksForTheLockout() {
        var t2 = T0.plusSeconds(120);

        var locked = LoginAttempt.none(EMAIL)
                .fail(T0, POLICY)
                .fail(T0.plusSeconds(60), POLICY)
                .fail(t2, POLICY);

        assertThat(locked.lockedUntil()).isEqualTo(t2.plus(POLICY.lockout()));
        assertThat(locked.isLocked(t2)).isTrue();
        assertThat(locked.isLocked(locked.lockedUntil().minusNanos(1_000))).isTrue();
        assertThat(locked.isLocked(locked.lockedUntil())).isFalse();
        assertThat(locked.email()).isEqualTo(EMAIL);
    }

    @Test
    void aFailureAfterTheLockoutStartsCountingFromOneAgain() {
        var locked = LoginAttempt.none(EMAIL).fail(T0, POLICY).fail(T0, POLICY).fail(T0, POLICY);
        var afterLockout = locked.lockedUntil();

        var next = locked.fail(afterLockout, POLICY);

        assertThat(next).isEqualTo(new LoginAttempt(EMAIL, 1, afterLockout, null));
        assertThat(next.isLocked(afterLockout)).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowNeverLock() {
        var attempt = LoginAttempt.none(EMAIL);
        var at = T0;
        for (int i = 0; i < 10; i++) {
            attempt = attempt.fail(at, POLICY);
            at = at.plus(Duration.ofMinutes(8));
        }

        assertThat(attempt.lockedUntil()).isNull();
        assertThat(attempt.failures()).isLessThan(POLICY.maxFailures());
    }

    @Test
    void theDefaultPolicyAllowsFiveFailuresInFifteenMinutesAndLocksForFifteen() {
        assertThat(LoginPolicy.DEFAULT).isEqualTo(new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15)));
    }
}
