package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.Delivery;
import io.taskflow.core.notification.DeliveryState;
import io.taskflow.core.port.Deliveries;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Singleton
@Transactional
class JdbcDeliveries implements Deliveries {
    private static final String COLUMNS = "id, notification_id, user_id, cause_event_id, cause_type, channel, state,"
            + " detail, attempts, created_at, updated_at";

    private final JdbcOperations jdbc;

    JdbcDeliveries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Delivery d) {
        jdbc.prepareStatement(
                "INSERT INTO notification_deliveries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, d.id());
                    ps.setObject(2, d.notificationId());
                    ps.setObject(3, d.userId());
                    ps.setObject(4, d.causeEventId());
                    ps.setString(5, d.causeType().typeName());
                    ps.setString(6, d.channel().wireName());
                    ps.setString(7, d.state().wireName());
                    ps.setString(8, d.detail());
                    ps.setInt(9, d.attempts());
                    Rows.setInstant(ps, 10, d.createdAt());
                    Rows.setInstant(ps, 11, d.updatedAt());
                    return ps.executeUpdate();
                });
    }

    @Override
    @Transactional(readOnly = true)
    public List<Delivery> ofCause(UUID causeEventId) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS
                        + " FROM notification_deliveries WHERE cause_event_id = ? ORDER BY created_at, channel",
                ps -> {
                    ps.setObject(1, causeEventId);
                    var found = new ArrayList<Delivery>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(read(rs));
                        }
                    }
                    return found;
                });
    }

    @Override
    public boolean claim(UUID deliveryId, Instant at) {
        return jdbc.prepareStatement(
                        "UPDATE notification_deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?"
                                + " WHERE id = ? AND state IN ('pending', 'failed')",
                        ps -> {
                            Rows.setInstant(ps, 1, at);
                            ps.setObject(2, deliveryId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    @Override
    public void finish(UUID deliveryId, DeliveryState state, String detail, Instant at) {
        int updated = jdbc.prepareStatement(
                "UPDATE notification_deliveries SET state = ?, detail = ?, updated_at = ? WHERE id = ? AND state = 'sending'",
                ps -> {
                    ps.setString(1, state.wireName());
                    ps.setString(2, Delivery.clip(detail));
                    Rows.setInstant(ps, 3, at);
                    ps.setObject(4, deliveryId);
                    return ps.executeUpdate();
                });
        if (updated != 1) {
            throw new IllegalStateException("delivery " + deliveryId + " was not being sent");
        }
    }

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "notification_id"),
                Rows.uuid(rs, "user_id"),
                Rows.uuid(rs, "cause_event_id"),
                EventType.fromTypeName(rs.getString("cause_type")).orElseThrow(),
                Channel.parse("channel", rs.getString("channel")),
                DeliveryState.fromWireName(rs.getString("state")),
                rs.getString("detail"),
                rs.getInt("attempts"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
