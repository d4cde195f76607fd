package io.taskflow.core.user;

import io.taskflow.core.error.InvalidCredentialsException;
import io.taskflow.core.error.TooManyAttemptsException;
import io.taskflow.core.event.UserAuthenticated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.LoginAttempts;
import io.taskflow.core.port.PasswordHasher;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.port.TokenIssuer.IssuedToken;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.port.UserStore;
import java.time.Duration;
import java.util.Optional;

/** Checks credentials, throttles repeated failures per e-mail, and issues a token on success. */
public final class LoginUser {
    private final Transactions tx;
    private final UserStore users;
    private final LoginAttempts attempts;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;
    private final LoginPolicy policy;
    /** Compared against when the e-mail is unknown, so that both failures take the same time. */
    private final String decoyHash;

    public LoginUser(
            Transactions tx,
            UserStore users,
            LoginAttempts attempts,
            PasswordHasher hasher,
            TokenIssuer tokens,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids,
            LoginPolicy policy) {
        this.tx = tx;
        this.users = users;
        this.attempts = attempts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
        this.policy = policy;
        this.decoyHash = hasher.hash("decoy-password-never-used");
    }

    public IssuedToken login(Credentials credentials) {
        var now = time.now();
        var attempt = attempts.find(credentials.email());
        if (attempt.isLocked(now)) {
            throw new TooManyAttemptsException(secondsUntil(attempt, now));
        }
        Optional<User> user = users.findByEmail(credentials.email());
        boolean ok = hasher.matches(
                credentials.password(), user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !ok) {
            var failed = attempt.fail(now, policy);
            attempts.save(failed);
            throw new InvalidCredentialsException();
        }
        return tx.inTransaction(() -> {
            if (attempt.failures() > 0 || attempt.lockedUntil() != null) {
                attempts.clear(credentials.email());
            }
            outbox.append(new UserAuthenticated(ids.newId(), now, user.get()));
            return tokens.issue(user.get());
        });
    }

    private static Duration secondsUntil(LoginAttempt attempt, java.time.Instant now) {
        long seconds = Duration.between(now, attempt.lockedUntil()).toSeconds();
        return Duration.ofSeconds(Math.max(1, seconds + 1));
    }
}
