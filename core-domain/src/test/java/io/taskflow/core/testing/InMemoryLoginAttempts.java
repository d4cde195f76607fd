package io.taskflow.core.testing;

import io.taskflow.core.port.LoginAttempts;
import io.taskflow.core.user.LoginAttempt;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryLoginAttempts implements LoginAttempts, Rollbackable {
    private final Map<String, LoginAttempt> byEmail = new HashMap<>();

    @Override
    public LoginAttempt find(String email) {
        return byEmail.getOrDefault(email, LoginAttempt.none(email));
    }

    @Override
    public void save(LoginAttempt attempt) {
        byEmail.put(attempt.email(), attempt);
    }

    @Override
    public void clear(String email) {
        byEmail.remove(email);
    }

    /** The stored record, if any (unlike {@link #find}, which answers {@code none} for an unknown address). */
    public Optional<LoginAttempt> stored(String email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public Runnable checkpoint() {
        var copy = new HashMap<>(byEmail);
        return () -> {
            byEmail.clear();
            byEmail.putAll(copy);
        };
    }
}
