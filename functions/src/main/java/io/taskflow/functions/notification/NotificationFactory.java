package io.taskflow.functions.notification;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.notification.DeliverNotifications;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.NotifyUser;
import io.taskflow.core.notification.ReadNotifications;
import io.taskflow.core.notification.SendDailyDigest;
import io.taskflow.core.port.Deliveries;
import io.taskflow.core.port.DigestClaims;
import io.taskflow.core.port.EmailSender;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.InAppNotifications;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.Secrets;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.port.UserContacts;
import io.taskflow.core.port.WebhookSender;
import io.taskflow.functions.security.FieldCipher;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;

/** Wires the notification use cases with {@code new}, and reads the SMTP settings. */
@Factory
class NotificationFactory {
    /** The secret holding the SMTP password, when it is not given as {@code taskflow.smtp.password}. */
    static final String SMTP_PASSWORD = "smtp-password";
    /** What an encrypted {@code taskflow.smtp.password} is bound to. */
    static final String SMTP_PASSWORD_CONTEXT = "taskflow.smtp.password";

    @Singleton
    SmtpSettings smtpSettings(
            @Value("${taskflow.smtp.host:}") String host,
            @Value("${taskflow.smtp.port:587}") int port,
            @Value("${taskflow.smtp.username:}") String username,
            @Value("${taskflow.smtp.password:}") String password,
            @Value("${taskflow.smtp.from:taskflow@localhost}") String from,
            @Value("${taskflow.smtp.starttls:true}") boolean starttls,
            @Value("${taskflow.smtp.timeout:10s}") Duration timeout,
            Secrets secrets,
            FieldCipher cipher) {
        return new SmtpSettings(host, port, username, smtpPassword(password, secrets, cipher), from, starttls, timeout);
    }

    /**
     * The password from the secret store ({@code smtp-password}) when there is one, else from configuration; either
     * may hold it encrypted ({@code enc:v1:…}, made with the encryption key for the context {@code
     * taskflow.smtp.password}) so that no file or variable at rest holds it in clear.
     */
    static String smtpPassword(String configured, Secrets secrets, FieldCipher cipher) {
        String value = secrets.find(SMTP_PASSWORD).orElse(configured);
        return FieldCipher.isEncrypted(value) ? cipher.decrypt(value, SMTP_PASSWORD_CONTEXT) : value;
    }

    @Singleton
    ManagePreferences managePreferences(Transactions tx, PreferencesStore store) {
        return new ManagePreferences(tx, store, new SecureRandom());
    }

    @Singleton
    NotifyUser notifyUser(
            Transactions tx,
            PreferencesStore preferences,
            InAppNotifications inApp,
            Deliveries deliveries,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        return new NotifyUser(tx, preferences, inApp, deliveries, outbox, time, ids);
    }

    @Singleton
    DeliverNotifications deliverNotifications(
            Transactions tx,
            Deliveries deliveries,
            PreferencesStore preferences,
            UserContacts contacts,
            EmailSender email,
            WebhookSender webhooks,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        return new DeliverNotifications(tx, deliveries, preferences, contacts, email, webhooks, outbox, time, ids);
    }

    @Singleton
    ReadNotifications readNotifications(InAppNotifications notifications, TimeSource time) {
        return new ReadNotifications(notifications, time);
    }

    @Singleton
    SendDailyDigest sendDailyDigest(
            PreferencesStore preferences,
            DigestClaims claims,
            TaskStore tasks,
            UserContacts contacts,
            EmailSender email,
            TimeSource time) {
        return new SendDailyDigest(preferences, claims, tasks, contacts, email, time);
    }
}
