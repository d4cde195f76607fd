package io.taskflow.functions.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Users stored straight into the database, to own the tasks of a test (tasks refer to their owner). */
public final class Owners {
    private Owners() {}

    @SuppressWarnings("unchecked")
    public static UUID insert(ApplicationContext context) {
        var jdbc = context.getBean(JdbcOperations.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        UUID id = UUID.randomUUID();
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO users (id, email, display_name, password_hash, version, created_at)"
                        + " VALUES (?, ?, 'Owner', 'not-a-hash', 1, ?)",
                ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, "owner-" + id + "@example.com");
                    ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    return ps.executeUpdate();
                }));
        return id;
    }
}
