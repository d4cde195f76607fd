package io.taskflow.core.testing;

import io.taskflow.core.error.ConflictException;
import io.taskflow.core.port.UserStore;
import io.taskflow.core.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link UserStore} over a map keyed by the e-mail exactly as given (normalising is the domain's job). */
public final class InMemoryUserStore implements UserStore, Rollbackable {
    private final Map<String, User> byEmail = new LinkedHashMap<>();

    @Override
    public Optional<User> findByEmail(String email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public void insert(User user) {
        if (byEmail.containsKey(user.email())) {
            throw new ConflictException("e-mail is registered already");
        }
        byEmail.put(user.email(), user);
    }

    public List<User> all() {
        return List.copyOf(byEmail.values());
    }

    @Override
    public Runnable checkpoint() {
        var copy = new LinkedHashMap<>(byEmail);
        return () -> {
            byEmail.clear();
            byEmail.putAll(copy);
        };
    }
}
