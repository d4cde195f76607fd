package io.taskflow.core.notification;

import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.Transactions;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Reads and replaces a user's notification preferences; keeps the webhook secret across URL changes. */
public final class ManagePreferences {
    private final Transactions tx;
    private final PreferencesStore store;
    private final RandomGenerator random;

    /** @param random the source of webhook secrets: a {@code SecureRandom} outside tests */
    public ManagePreferences(Transactions tx, PreferencesStore store, RandomGenerator random) {
        this.tx = tx;
        this.store = store;
        this.random = random;
    }

    public NotificationPreferences get(UUID userId) {
        return store.find(userId).orElse(NotificationPreferences.DEFAULTS);
    }

    public NotificationPreferences replace(UUID userId, PreferencesChange change) {
        return tx.inTransaction(() -> {
            var current = get(userId);
            var next = new NotificationPreferences(
                    change.events(), change.channels(), change.quietHours(), webhook(current, change), change.digest());
            store.save(userId, next);
            return next;
        });
    }

    /** The secret is made once, when a URL is first set; removing the URL drops it, so a later one gets a new one. */
    private WebhookTarget webhook(NotificationPreferences current, PreferencesChange change) {
        if (change.webhookUrl() == null) {
            return null;
        }
        if (current.webhook() != null) {
            return current.webhook().withUrl(change.webhookUrl());
        }
        return new WebhookTarget(change.webhookUrl(), WebhookTarget.newSecret(random));
    }
}
