package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskSnapshotEvent;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Set;

/**
 * A consumer for the wiring tests: writes one row per event in its transaction, and fails every time on a task whose
 * title starts with "poison" until that title is cured.
 */
@Singleton
@Requires(property = "taskflow.test.probe", value = "true")
public class ProbeConsumer implements EventConsumer {
    public static final String NAME = "probe";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    /** Poison titles that no longer fail. */
    public final Set<String> cured = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Every poison title seen so far. */
    public final Set<String> poisons = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ProbeConsumer(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @PostConstruct
    void createTable() {
        tx.executeWrite(s -> jdbc.prepareStatement(
                "CREATE TABLE IF NOT EXISTS probe_effects (event_id VARCHAR(64) NOT NULL, title VARCHAR(200))",
                java.sql.PreparedStatement::execute));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.TASK_CREATED, EventType.TASK_UPDATED);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        String title = ((TaskSnapshotEvent) event).task().details().title();
        jdbc.prepareStatement("INSERT INTO probe_effects (event_id, title) VALUES (?, ?)", ps -> {
            ps.setString(1, envelope.id());
            ps.setString(2, title);
            return ps.executeUpdate();
        });
        if (title.startsWith("poison") && !cured.contains(title)) {
            poisons.add(title);
            throw new IllegalStateException("probe refuses " + title);
        }
    }

    public long effects(String eventId) {
        return tx.executeRead(s ->
                jdbc.prepareStatement("SELECT COUNT(*) FROM probe_effects WHERE event_id = ?", ps -> {
                    ps.setString(1, eventId);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    public long effectsWithTitle(String title) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT COUNT(*) FROM probe_effects WHERE title = ?", ps -> {
            ps.setString(1, title);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    public long totalEffects() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT COUNT(*) FROM probe_effects", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
