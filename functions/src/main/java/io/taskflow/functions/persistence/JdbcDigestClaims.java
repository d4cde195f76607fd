package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.notification.Delivery;
import io.taskflow.core.port.DigestClaims;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Each call commits on its own: a claim must be visible to other instances before the digest is sent. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
class JdbcDigestClaims implements DigestClaims {
    private final JdbcOperations jdbc;

    JdbcDigestClaims(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UUID userId, LocalDate day, Instant at) {
        return jdbc.prepareStatement(
                        "INSERT INTO digests (user_id, digest_day, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        ps -> {
                            ps.setObject(1, userId);
                            ps.setObject(2, day);
                            Rows.setInstant(ps, 3, at);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    @Override
    public void finish(UUID userId, LocalDate day, String outcome, String detail, Instant at) {
        jdbc.prepareStatement(
                "UPDATE digests SET outcome = ?, detail = ?, finished_at = ? WHERE user_id = ? AND digest_day = ?",
                ps -> {
                    ps.setString(1, outcome);
                    ps.setString(2, Delivery.clip(detail));
                    Rows.setInstant(ps, 3, at);
                    ps.setObject(4, userId);
                    ps.setObject(5, day);
                    return ps.executeUpdate();
                });
    }
}
