package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.error.ConflictException;
import io.taskflow.core.port.UserStore;
import io.taskflow.core.user.User;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
@Transactional
class JdbcUserStore implements UserStore {
    private final JdbcOperations jdbc;

    JdbcUserStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return jdbc.prepareStatement(
                "SELECT id, email, display_name, password_hash, version, created_at FROM users WHERE email = ?", ps -> {
                    ps.setString(1, email);
                    try (var rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new User(
                                Rows.uuid(rs, "id"),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                rs.getString("password_hash"),
                                rs.getLong("version"),
                                Rows.instant(rs, "created_at")));
                    }
                });
    }

    @Override
    public void insert(User user) {
        try {
            jdbc.prepareStatement(
                    "INSERT INTO users (id, email, display_name, password_hash, version, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setObject(1, user.id());
                        ps.setString(2, user.email());
                        ps.setString(3, user.displayName());
                        ps.setString(4, user.passwordHash());
                        ps.setLong(5, user.version());
                        Rows.setInstant(ps, 6, user.createdAt());
                        return ps.executeUpdate();
                    });
        } catch (RuntimeException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new ConflictException("e-mail is registered already");
            }
            throw e;
        }
    }
}
