package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.port.LoginAttempts;
import io.taskflow.core.user.LoginAttempt;
import jakarta.inject.Singleton;

@Singleton
@Transactional
class JdbcLoginAttempts implements LoginAttempts {
    private final JdbcOperations jdbc;

    JdbcLoginAttempts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LoginAttempt find(String email) {
        return jdbc.prepareStatement(
                "SELECT failures, window_start, locked_until FROM login_attempts WHERE email = ?", ps -> {
                    ps.setString(1, email);
                    try (var rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return LoginAttempt.none(email);
                        }
                        return new LoginAttempt(
                                email,
                                rs.getInt("failures"),
                                Rows.instant(rs, "window_start"),
                                Rows.instant(rs, "locked_until"));
                    }
                });
    }

    @Override
    public void save(LoginAttempt attempt) {
        int updated = jdbc.prepareStatement(
                "UPDATE login_attempts SET failures = ?, window_start = ?, locked_until = ? WHERE email = ?", ps -> {
                    ps.setInt(1, attempt.failures());
                    Rows.setInstant(ps, 2, attempt.windowStart());
                    Rows.setInstant(ps, 3, attempt.lockedUntil());
                    ps.setString(4, attempt.email());
                    return ps.executeUpdate();
                });
        if (updated == 0) {
            // Two first failures racing: one row wins, the other failure is not counted, and nobody gets an error.
            jdbc.prepareStatement(
                    "INSERT INTO login_attempts (email, failures, window_start, locked_until) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    ps -> {
                        ps.setString(1, attempt.email());
                        ps.setInt(2, attempt.failures());
                        Rows.setInstant(ps, 3, attempt.windowStart());
                        Rows.setInstant(ps, 4, attempt.lockedUntil());
                        return ps.executeUpdate();
                    });
        }
    }

    @Override
    public void clear(String email) {
        jdbc.prepareStatement("DELETE FROM login_attempts WHERE email = ?", ps -> {
            ps.setString(1, email);
            return ps.executeUpdate();
        });
    }
}
