package io.taskflow.core.testing;

import io.taskflow.core.port.TokenIssuer;
import io.taskflow.core.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Issues {@code "token-for-<user id>"}, valid for an hour, and remembers whom it issued tokens to. */
public final class FakeTokenIssuer implements TokenIssuer {
    public static final Duration EXPIRES_IN = Duration.ofHours(1);
    private final List<User> issuedTo = new ArrayList<>();

    @Override
    public IssuedToken issue(User user) {
        issuedTo.add(user);
        return tokenFor(user);
    }

    public static IssuedToken tokenFor(User user) {
        return new IssuedToken("token-for-" + user.id(), EXPIRES_IN);
    }

    public List<User> issuedTo() {
        return List.copyOf(issuedTo);
    }
}
