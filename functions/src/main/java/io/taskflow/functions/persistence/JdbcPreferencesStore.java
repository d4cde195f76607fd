package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.notification.QuietHours;
import io.taskflow.core.notification.WebhookTarget;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.security.FieldCipher;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Preferences in the {@code notification_preferences} table: one row per user who saved any. The webhook secret is
 * stored encrypted ({@link FieldCipher}, bound to the user's row); a plaintext secret left by an older version is read
 * as it is, and {@link StoredSecretsEncryption} rewrites such rows at start.
 */
@Singleton
@Transactional
class JdbcPreferencesStore implements PreferencesStore {
    private final JdbcOperations jdbc;
    private final TimeSource time;
    private final FieldCipher cipher;

    JdbcPreferencesStore(JdbcOperations jdbc, TimeSource time, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.time = time;
        this.cipher = cipher;
    }

    /** What a webhook secret's ciphertext is bound to: a copy in another row does not decrypt. */
    static String secretContext(UUID userId) {
        return "notification_preferences.webhook_secret:" + userId;
    }

    @Override
    public Optional<NotificationPreferences> find(UUID userId) {
        return jdbc.prepareStatement(
                "SELECT events, channels, quiet_start, quiet_end, quiet_time_zone, webhook_url, webhook_secret, digest"
                        + " FROM notification_preferences WHERE user_id = ?",
                ps -> {
                    ps.setObject(1, userId);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(read(rs, userId)) : Optional.empty();
                    }
                });
    }

    @Override
    public void save(UUID userId, NotificationPreferences p) {
        // Insert-or-update without a failing statement: a unique violation would abort the transaction on PostgreSQL.
        int inserted = jdbc.prepareStatement(
                "INSERT INTO notification_preferences (events, channels, quiet_start, quiet_end, quiet_time_zone,"
                        + " webhook_url, webhook_secret, digest, updated_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                ps -> {
                    ps.setObject(bind(ps, userId, p), userId);
                    return ps.executeUpdate();
                });
        if (inserted == 0) {
            jdbc.prepareStatement(
                    "UPDATE notification_preferences SET events = ?, channels = ?, quiet_start = ?, quiet_end = ?,"
                            + " quiet_time_zone = ?, webhook_url = ?, webhook_secret = ?, digest = ?, updated_at = ?"
                            + " WHERE user_id = ?",
                    ps -> {
                        ps.setObject(bind(ps, userId, p), userId);
                        return ps.executeUpdate();
                    });
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> digestSubscribers() {
        return jdbc.prepareStatement(
                "SELECT user_id FROM notification_preferences WHERE digest = TRUE ORDER BY user_id", ps -> {
                    var users = new ArrayList<UUID>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            users.add(Rows.uuid(rs, "user_id"));
                        }
                    }
                    return users;
                });
    }

    /** Binds the stored columns in the order both statements list them; returns the index of user_id. */
    private int bind(PreparedStatement ps, UUID userId, NotificationPreferences p) throws SQLException {
        ps.setString(1, p.events().stream().map(EventType::typeName).collect(Collectors.joining(",")));
        ps.setString(2, p.channels().stream().map(Channel::wireName).collect(Collectors.joining(",")));
        var quiet = p.quietHours();
        ps.setString(3, quiet == null ? null : quiet.startText());
        ps.setString(4, quiet == null ? null : quiet.endText());
        ps.setString(5, quiet == null ? null : quiet.timeZone().getId());
        ps.setString(6, p.webhook() == null ? null : p.webhook().url().toString());
        ps.setString(7, p.webhook() == null ? null : cipher.encrypt(p.webhook().secret(), secretContext(userId)));
        ps.setBoolean(8, p.digest());
        Rows.setInstant(ps, 9, time.now());
        return 10;
    }

    private NotificationPreferences read(ResultSet rs, UUID userId) throws SQLException {
        String quietStart = rs.getString("quiet_start");
        String webhookUrl = rs.getString("webhook_url");
        return new NotificationPreferences(
                split(rs.getString("events")).stream()
                        .map(name -> NotificationPreferences.parseEvent("events", name))
                        .collect(Collectors.toSet()),
                split(rs.getString("channels")).stream()
                        .map(name -> Channel.parse("channels", name))
                        .collect(Collectors.toSet()),
                quietStart == null
                        ? null
                        : QuietHours.parse(quietStart, rs.getString("quiet_end"), rs.getString("quiet_time_zone")),
                webhookUrl == null ? null : new WebhookTarget(URI.create(webhookUrl), secret(rs, userId)),
                rs.getBoolean("digest"));
    }

    private String secret(ResultSet rs, UUID userId) throws SQLException {
        String stored = rs.getString("webhook_secret");
        return FieldCipher.isEncrypted(stored) ? cipher.decrypt(stored, secretContext(userId)) : stored;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
