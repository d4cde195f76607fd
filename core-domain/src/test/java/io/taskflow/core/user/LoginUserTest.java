package io.taskflow.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskflow.core.error.InvalidCredentialsException;
import io.taskflow.core.error.TooManyAttemptsException;
import io.taskflow.core.event.UserAuthenticated;
import io.taskflow.core.port.TokenIssuer.IssuedToken;
import io.taskflow.core.testing.FakeTokenIssuer;
import io.taskflow.core.testing.InMemoryCore;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginUserTest {
    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final Credentials RIGHT = new Credentials(EMAIL, PASSWORD);
    private static final Credentials WRONG = new Credentials(EMAIL, "wrong password");

    private final InMemoryCore core = new InMemoryCore();
    private final LoginUser login = core.loginUser();
    private User ann;

    @BeforeEach
    void givenARegisteredUser() {
        ann = core.registerUser().register(new Registration(EMAIL, PASSWORD, "Ann"));
        core.outbox().clear();
    }

    @Test
    void loggingInWithTheRightPasswordReturnsTheIssuedTokenAndAppendsUserAuthenticated() {
        IssuedToken token = login.login(RIGHT);

        assertThat(token).isEqualTo(FakeTokenIssuer.tokenFor(ann));
        assertThat(core.tokens().issuedTo()).containsExactly(ann);
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(UserAuthenticated.class, e -> {
            assertThat(e.user()).isEqualTo(ann);
            assertThat(e.aggregateId()).isEqualTo(ann.id());
            assertThat(e.actorId()).isEqualTo(ann.id());
            assertThat(e.occurredAt()).isEqualTo(core.clock().now());
        });
    }

    @Test
    void theE_mailOfALoginIsMatchedWhateverItsCase() {
        assertThat(login.login(new Credentials(" ANN@Example.COM", PASSWORD))).isEqualTo(FakeTokenIssuer.tokenFor(ann));
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsAndTheFailureIsRecorded() {
        assertThatThrownBy(() -> login.login(WRONG)).isInstanceOf(InvalidCredentialsException.class);

        assertThat(core.loginAttempts().stored(EMAIL)).hasValueSatisfying(a -> {
            assertThat(a.failures()).isEqualTo(1);
            assertThat(a.windowStart()).isEqualTo(core.clock().now());
            assertThat(a.lockedUntil()).isNull();
        });
        assertThat(core.tokens().issuedTo()).isEmpty();
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void anUnknownE_mailFailsExactlyLikeAWrongPasswordAndIsRecordedToo() {
        Throwable wrongPassword = catchThrowable(() -> login.login(WRONG));
        Throwable unknownEmail = catchThrowable(() -> login.login(new Credentials("nobody@example.com", PASSWORD)));

        assertThat(unknownEmail).isInstanceOf(InvalidCredentialsException.class).hasMessage(wrongPassword.getMessage());
        assertThat(core.loginAttempts().stored("nobody@example.com"))
                .hasValueSatisfying(a -> assertThat(a.failures()).isEqualTo(1));
    }

    @Test
    void afterFiveFailuresTheNextAttemptIsRefusedEvenWithTheRightPassword() {
        failTimes(5);

        var refused = catchThrowableOfType(TooManyAttemptsException.class, () -> login.login(RIGHT));

        assertThat(refused.retryAfter())
                .isPositive()
                .isLessThanOrEqualTo(LoginPolicy.DEFAULT.lockout().plusSeconds(1));
        assertThat(core.tokens().issuedTo()).isEmpty();
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void fourFailuresStillLetTheRightPasswordIn() {
        failTimes(4);

        assertThat(login.login(RIGHT)).isEqualTo(FakeTokenIssuer.tokenFor(ann));
    }

    @Test
    void attemptsDuringTheLockoutDoNotExtendItAndTellTheRemainingWait() {
        failTimes(5);
        var lockedUntil = core.loginAttempts().stored(EMAIL).orElseThrow().lockedUntil();
        core.clock().advance(Duration.ofMinutes(10));
        var remaining = Duration.between(core.clock().now(), lockedUntil);

        var refused = catchThrowableOfType(TooManyAttemptsException.class, () -> login.login(WRONG));

        assertThat(refused.retryAfter()).isBetween(remaining, remaining.plusSeconds(1));
        assertThat(core.loginAttempts().stored(EMAIL).orElseThrow().lockedUntil())
                .isEqualTo(lockedUntil);
        core.clock().set(lockedUntil);
        assertThat(login.login(RIGHT)).isEqualTo(FakeTokenIssuer.tokenFor(ann));
    }

    @Test
    void afterTheLockoutPassesTheRightPasswordLogsInAndClearsTheRecord() {
        failTimes(5);
        core.clock().advance(LoginPolicy.DEFAULT.lockout());

        IssuedToken token = login.login(RIGHT);

        assertThat(token).isEqualTo(FakeTokenIssuer.tokenFor(ann));
        assertThat(core.loginAttempts().stored(EMAIL)).isEmpty();
        assertThat(core.outbox().eventsOf(UserAuthenticated.class)).hasSize(1);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailuresSoCountingStartsOver() {
        failTimes(4);
        login.login(RIGHT);

        assertThat(core.loginAttempts().stored(EMAIL)).isEmpty();
        failTimes(4);
        assertThat(login.login(RIGHT)).isEqualTo(FakeTokenIssuer.tokenFor(ann));
    }

    @Test
    void aStricterPolicyLocksSooner() {
        var strict = core.loginUser(new LoginPolicy(2, Duration.ofMinutes(1), Duration.ofHours(1)));
        assertThatThrownBy(() -> strict.login(WRONG)).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> strict.login(WRONG)).isInstanceOf(InvalidCredentialsException.class);

        var refused = catchThrowableOfType(TooManyAttemptsException.class, () -> strict.login(RIGHT));

        assertThat(refused.retryAfter()).isGreaterThan(Duration.ofMinutes(59));
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertThatThrownBy(() -> login.login(WRONG)).isInstanceOf(InvalidCredentialsException.class);
            core.clock().advance(Duration.ofSeconds(10));
        }
    }
}
