package io.taskflow.core.testing;

import io.taskflow.core.notification.Contact;
import io.taskflow.core.notification.DeliverNotifications;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.NotifyUser;
import io.taskflow.core.notification.ReadNotifications;
import io.taskflow.core.notification.SendDailyDigest;
import io.taskflow.core.port.UserContacts;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The notification ports as fakes, with the use cases built on them. Transactions roll back the stores and the outbox
 * together; the random source is seeded, so generated secrets repeat from run to run.
 */
public final class NotificationFakes {
    private final MutableTimeSource clock = MutableTimeSource.at(InMemoryCore.START);
    private final SequentialIds ids = new SequentialIds();
    private final InMemoryPreferencesStore preferences = new InMemoryPreferencesStore();
    private final InMemoryInAppNotifications inApp = new InMemoryInAppNotifications();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final InMemoryTaskStore tasks = new InMemoryTaskStore();
    private final InMemoryDigestClaims digestClaims = new InMemoryDigestClaims();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final RecordingSenders.Email email = new RecordingSenders.Email();
    private final RecordingSenders.Webhook webhooks = new RecordingSenders.Webhook();
    private final Map<UUID, Contact> contacts = new HashMap<>();
    private final UserContacts userContacts = id -> Optional.ofNullable(contacts.get(id));
    private final InMemoryTransactions transactions =
            new InMemoryTransactions(preferences, inApp, deliveries, tasks, outbox);
    private final Random random = new Random(42);

    public ManagePreferences managePreferences() {
        return new ManagePreferences(transactions, preferences, random);
    }

    public NotifyUser notifyUser() {
        return new NotifyUser(transactions, preferences, inApp, deliveries, outbox, clock, ids);
    }

    public DeliverNotifications deliverNotifications() {
        return new DeliverNotifications(
                transactions, deliveries, preferences, userContacts, email, webhooks, outbox, clock, ids);
    }

    public ReadNotifications readNotifications() {
        return new ReadNotifications(inApp, clock);
    }

    public SendDailyDigest sendDailyDigest() {
        return new SendDailyDigest(preferences, digestClaims, tasks, userContacts, email, clock);
    }

    /** Gives the user an e-mail address. */
    public Contact addContact(UUID userId, String email) {
        var contact = new Contact(userId, email, "Ada");
        contacts.put(userId, contact);
        return contact;
    }

    public MutableTimeSource clock() {
        return clock;
    }

    public SequentialIds ids() {
        return ids;
    }

    public InMemoryPreferencesStore preferences() {
        return preferences;
    }

    public InMemoryInAppNotifications inApp() {
        return inApp;
    }

    public InMemoryDeliveries deliveries() {
        return deliveries;
    }

    public InMemoryTaskStore tasks() {
        return tasks;
    }

    public InMemoryDigestClaims digestClaims() {
        return digestClaims;
    }

    public RecordingOutbox outbox() {
        return outbox;
    }

    public RecordingSenders.Email email() {
        return email;
    }

    public RecordingSenders.Webhook webhooks() {
        return webhooks;
    }

    public InMemoryTransactions transactions() {
        return transactions;
    }
}
