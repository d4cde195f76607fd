package io.taskflow.functions.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.PreferencesChange;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.functions.notification.SmtpSettings;
import io.taskflow.functions.security.FieldCipher;
import io.taskflow.functions.testing.TestContexts;
import java.net.URI;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook secrets and the SMTP password are kept encrypted with the key from the secrets port: the database holds
 * only ciphertext bound to its row, keys rotate by id, rows written in clear before stay readable and are rewritten.
 */
class EncryptionAtRestTest {
    private static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    private final String db = "jdbc:h2:mem:enc" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void givenAWebhookWhenSavedThenTheColumnHoldsCiphertextUnderTheKeyIdAndReadsBackAsTheSecret() {
        context = start(Map.of());
        UUID ada = UUID.randomUUID();
        String secret = saveWebhook(ada);

        String stored = column(ada);
        assertThat(stored).startsWith("enc:v1:k1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(context.getBean(PreferencesStore.class)
                        .find(ada)
                        .orElseThrow()
                        .webhook()
                        .secret())
                .isEqualTo(secret);
    }

    @Test
    void givenACiphertextCopiedIntoAnotherUsersRowWhenReadThenItDoesNotDecrypt() {
        context = start(Map.of());
        UUID ada = UUID.randomUUID();
        UUID eve = UUID.randomUUID();
        saveWebhook(ada);
        saveWebhook(eve);
        update(eve, column(ada));

        assertThatThrownBy(() -> context.getBean(PreferencesStore.class).find(eve))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenARowWrittenInClearBeforeEncryptionWhenReadThenItIsReadAndTheNextStartRewritesItEncrypted() {
        context = start(Map.of());
        UUID ada = UUID.randomUUID();
        saveWebhook(ada);
        String legacy = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        update(ada, legacy);
        assertThat(context.getBean(PreferencesStore.class)
                        .find(ada)
                        .orElseThrow()
                        .webhook()
                        .secret())
                .isEqualTo(legacy);
        context.close();

        context = start(Map.of());

        assertThat(column(ada)).startsWith("enc:v1:k1:").doesNotContain(legacy);
        assertThat(context.getBean(PreferencesStore.class)
                        .find(ada)
                        .orElseThrow()
                        .webhook()
                        .secret())
                .isEqualTo(legacy);
    }

    @Test
    void givenTheKeyRotatedWhenStartedWithTheOldKeyAsPreviousThenOldValuesReadAndAreRewrittenUnderTheNewKey() {
        context = start(Map.of());
        UUID ada = UUID.randomUUID();
        String secret = saveWebhook(ada);
        context.close();

        context = start(Map.of(
                "taskflow.secret.encryption-key",
                KEY_2,
                "taskflow.encryption.key-id",
                "k2",
                "taskflow.secret.encryption-key-previous",
                KEY_1,
                "taskflow.encryption.previous-key-id",
                "k1"));

        assertThat(column(ada)).startsWith("enc:v1:k2:");
        assertThat(context.getBean(PreferencesStore.class)
                        .find(ada)
                        .orElseThrow()
                        .webhook()
                        .secret())
                .isEqualTo(secret);
    }

    @Test
    void givenAValueUnderAKeyThatIsNoLongerConfiguredWhenReadThenItFailsRatherThanReturningGarbage() {
        context = start(Map.of());
        UUID ada = UUID.randomUUID();
        saveWebhook(ada);
        context.close();

        context = start(Map.of("taskflow.secret.encryption-key", KEY_2, "taskflow.encryption.key-id", "k2"));

        assertThatThrownBy(() -> context.getBean(PreferencesStore.class).find(ada))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void givenNoKeyAndNoLeaveToGenerateOneWhenStartingThenTheStartFailsNamingTheVariable() {
        var overrides = new HashMap<String, Object>();
        overrides.put("datasources.default.url", db);
        overrides.put("taskflow.security.generate-secret-if-missing", false);
        overrides.put("taskflow.secret.jwt-signing-secret", "a-signing-secret-of-thirty-two-bytes-or-more");
        assertThatThrownBy(() -> TestContexts.start(overrides).close())
                .hasStackTraceContaining("TASKFLOW_SECRET_ENCRYPTION_KEY");
    }

    @Test
    void givenAnEncryptedSmtpPasswordInConfigurationWhenStartedThenTheSenderGetsThePassword() {
        context = start(Map.of());
        String encrypted = context.getBean(FieldCipher.class).encrypt("smtp-pass", "taskflow.smtp.password");
        context.close();

        context = start(Map.of("taskflow.smtp.password", encrypted));

        assertThat(encrypted).doesNotContain("smtp-pass");
        assertThat(context.getBean(SmtpSettings.class).password()).isEqualTo("smtp-pass");
    }

    @Test
    void givenTheSmtpPasswordInTheSecretStoreWhenStartedThenItIsUsed() {
        context = start(Map.of("taskflow.secret.smtp-password", "from-the-store", "taskflow.smtp.password", "x"));

        assertThat(context.getBean(SmtpSettings.class).password()).isEqualTo("from-the-store");
    }

    private ApplicationContext start(Map<String, Object> extra) {
        var overrides = new HashMap<String, Object>();
        overrides.put("datasources.default.url", db);
        overrides.put("taskflow.secret.encryption-key", KEY_1);
        overrides.putAll(extra);
        return TestContexts.start(overrides);
    }

    private String saveWebhook(UUID user) {
        var saved = context.getBean(ManagePreferences.class)
                .replace(
                        user,
                        new PreferencesChange(
                                null,
                                Set.of(Channel.WEBHOOK),
                                null,
                                URI.create("https://hooks.example.com/" + user),
                                false));
        return saved.webhook().secret();
    }

    @SuppressWarnings("unchecked")
    private String column(UUID user) {
        var tx = (TransactionOperations<Connection>) context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> context.getBean(JdbcOperations.class)
                .prepareStatement("SELECT webhook_secret FROM notification_preferences WHERE user_id = ?", ps -> {
                    ps.setObject(1, user);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private void update(UUID user, String stored) {
        var tx = (TransactionOperations<Connection>) context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> context.getBean(JdbcOperations.class)
                .prepareStatement("UPDATE notification_preferences SET webhook_secret = ? WHERE user_id = ?", ps -> {
                    ps.setString(1, stored);
                    ps.setObject(2, user);
                    return ps.executeUpdate();
                }));
    }
}
