package io.taskflow.core.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A registered user. The password hash never leaves the persistence and hashing ports. */
public record User(UUID id, String email, String displayName, String passwordHash, long version, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
