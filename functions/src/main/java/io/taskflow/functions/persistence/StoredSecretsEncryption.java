package io.taskflow.functions.persistence;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.functions.security.FieldCipher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, rewrites webhook secrets that are stored in clear (written before they were encrypted) or under a key
 * that is no longer the current one (after a rotation), so a retired key can be dropped once every instance ran.
 * Each row is rewritten only if it still holds the value read: instances starting together cannot undo each other.
 */
@Singleton
class StoredSecretsEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(StoredSecretsEncryption.class);

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    StoredSecretsEncryption(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        try {
            int rewritten = rewriteStale();
            if (rewritten > 0) {
                LOG.info("encrypted {} stored webhook secrets under the current key", rewritten);
            }
        } catch (RuntimeException e) {
            // Reads stay possible (plaintext, or any configured key): the next start tries again.
            LOG.warn("could not re-encrypt stored webhook secrets: {}", e.toString());
        }
    }

    @Transactional
    public int rewriteStale() {
        record Row(UUID user, String stored) {}
        List<Row> rows = jdbc.prepareStatement(
                "SELECT user_id, webhook_secret FROM notification_preferences WHERE webhook_secret IS NOT NULL", ps -> {
                    var found = new ArrayList<Row>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String stored = rs.getString(2);
                            if (cipher.stale(stored)) {
                                found.add(new Row(Rows.uuid(rs, "user_id"), stored));
                            }
                        }
                    }
                    return found;
                });
        int rewritten = 0;
        for (Row row : rows) {
            String context = JdbcPreferencesStore.secretContext(row.user());
            String plain = FieldCipher.isEncrypted(row.stored()) ? cipher.decrypt(row.stored(), context) : row.stored();
            rewritten += jdbc.prepareStatement(
                    "UPDATE notification_preferences SET webhook_secret = ? WHERE user_id = ? AND webhook_secret = ?",
                    ps -> {
                        ps.setString(1, cipher.encrypt(plain, context));
                        ps.setObject(2, row.user());
                        ps.setString(3, row.stored());
                        return ps.executeUpdate();
                    });
        }
        return rewritten;
    }
}
