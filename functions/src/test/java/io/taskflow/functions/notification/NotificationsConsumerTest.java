package io.taskflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.notification.PreferencesChange;
import io.taskflow.core.notification.QuietHours;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.Inbox;
import io.taskflow.functions.consumer.RecordingDeadLetters;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.TestContexts;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications consumer driven as a runtime drives it, through {@link ConsumerProcessor}, against H2, a real
 * SMTP server (GreenMail) and a real HTTP server receiving the webhooks.
 */
class NotificationsConsumerTest {
    private static final UUID ADA = UUID.randomUUID();
    private static final String ADA_EMAIL = "ada@example.com";

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final List<Duration> sleeps = new ArrayList<>();
    private GreenMail smtp;
    private WebhookReceiver hooks;
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private NotificationsConsumer consumer;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        hooks = new WebhookReceiver();
        context = TestContexts.start(
                Map.of(
                        "taskflow.smtp.host",
                        "127.0.0.1",
                        "taskflow.smtp.port",
                        smtp.getSmtp().getPort(),
                        "taskflow.smtp.starttls",
                        false,
                        "taskflow.smtp.from",
                        "taskflow@test.example",
                        // The webhook receiver listens on loopback, which webhooks may not reach unless allowed.
                        "taskflow.webhook.allow-private",
                        true,
                        "taskflow.consumers.retry.max-attempts",
                        3,
                        "taskflow.consumers.retry.initial-backoff",
                        "10ms",
                        "taskflow.consumers.retry.max-backoff",
                        "40ms"),
                deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        consumer = context.getBean(NotificationsConsumer.class);
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        insertUser(ADA, ADA_EMAIL);
    }

    @AfterEach
    void stop() {
        context.close();
        hooks.close();
        smtp.stop();
    }

    @Test
    void oneEventGivesOneEmailOneSignedWebhookOneInAppNotificationAndTheirNotificationSentEvents() throws Exception {
        var prefs = adaWantsCompletionsEverywhere(null);
        var event = completed();

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(outcome.succeeded()).containsExactly(event);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0]).hasToString(ADA_EMAIL);
        assertThat(mails[0].getSubject()).isEqualTo("[Taskflow] Task completed: File the taxes");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("Task completed: File the taxes");

        assertThat(hooks.received).singleElement().satisfies(hook -> {
            assertThat(hook.signedWith(prefs.webhook().secret())).isTrue();
            assertThat(Long.parseLong(hook.timestamp()))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
            assertThat(hook.contentType()).isEqualTo("application/json");
            var body = json(hook.body());
            assertThat(body)
                    .containsEntry("type", "task.completed")
                    .containsEntry("causeEventId", event.id())
                    .containsEntry("userId", ADA.toString())
                    .containsEntry("title", "File the taxes")
                    .containsEntry("id", inAppIds().get(0));
            assertThat(hook.id()).isEqualTo(deliveryId(Channel.WEBHOOK));
        });
        // A receiver using the Standard Webhooks library accepts it as well.
        var hook = hooks.received.get(0);
        new Webhook(prefs.webhook().secret())
                .verify(
                        hook.body(),
                        Map.of(
                                "webhook-id", List.of(hook.id()),
                                "webhook-timestamp", List.of(hook.timestamp()),
                                "webhook-signature", List.of(hook.signature())));

        assertThat(inAppIds()).hasSize(1);
        assertThat(notificationSent())
                .extracting(s -> s.get("channel"))
                .containsExactlyInAnyOrder("in-app", "email", "webhook");
        assertThat(notificationSent()).allSatisfy(s -> {
            assertThat(s).containsEntry("causeEventId", event.id()).containsEntry("causeType", "task.completed");
            assertThat(s).containsEntry("notificationId", inAppIds().get(0));
        });
        assertThat(states()).containsOnly(Map.entry("email", "sent"), Map.entry("webhook", "sent"));
        var meters = context.getBean(MeterRegistry.class);
        for (String channel : List.of("in-app", "email", "webhook")) {
            assertThat(meters.counter(NotificationMetrics.SENT, "channel", channel)
                            .count())
                    .as(channel)
                    .isEqualTo(1.0);
        }
    }

    @Test
    void theSameEventProcessedTwiceStillGivesOneOfEach() {
        adaWantsCompletionsEverywhere(null);
        var event = completed();

        processor.process(consumer, List.of(Delivery.first(event)));
        BatchOutcome again = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(again.succeeded()).containsExactly(event);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(hooks.received).hasSize(1);
        assertThat(inAppIds()).hasSize(1);
        assertThat(notificationSent()).hasSize(3);
    }

    @Test
    void aWebhookTargetAnswering500FailsIsRetriedAndIsSentOnceWhenItRecovers() {
        adaWantsCompletionsEverywhere(null);
        hooks.status.set(500);
        var event = completed();

        BatchOutcome outcome = processor.settle(consumer, List.of(Delivery.first(event)), wait -> {
            sleeps.add(wait);
            assertThat(states()).containsEntry("webhook", "failed");
            hooks.status.set(200);
        });

        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(sleeps).hasSize(1);
        assertThat(hooks.received).hasSize(2);
        assertThat(hooks.received.get(1).id()).isEqualTo(hooks.received.get(0).id());
        assertThat(smtp.getReceivedMessages())
                .as("the e-mail went out on the first try only")
                .hasSize(1);
        assertThat(states()).containsEntry("webhook", "sent").containsEntry("email", "sent");
        assertThat(attempts(Channel.WEBHOOK)).isEqualTo(2);
        assertThat(notificationSent())
                .filteredOn(s -> s.get("channel").equals("webhook"))
                .hasSize(1);
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void aWebhookTargetThatNeverRecoversEndsInTheDeadLettersWithTheErrorAndIsFailed() {
        adaWantsCompletionsEverywhere(null);
        hooks.status.set(503);
        var event = completed();

        BatchOutcome outcome = processor.settle(consumer, List.of(Delivery.first(event)), sleeps::add);

        assertThat(outcome.deadLettered()).singleElement().satisfies(letter -> {
            assertThat(letter.consumer()).isEqualTo("notifications");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.error()).contains("webhook delivery").contains("HTTP 503");
        });
        assertThat(hooks.received).hasSize(3);
        assertThat(states()).containsEntry("webhook", "failed");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aDeliveryLeftSendingByACrashIsNotSentAgain() {
        adaWantsCompletionsEverywhere(null);
        var envelope = completed();
        var event = context.getBean(io.taskflow.functions.consumer.ReceivedEvents.class)
                .read(envelope);
        // The first delivery got as far as claiming the e-mail, then the process died.
        tx.executeWrite(s -> {
            context.getBean(Inbox.class).firstDelivery(consumer.name(), envelope.id());
            consumer.handle(event, envelope);
            return null;
        });
        tx.executeWrite(s -> jdbc.prepareStatement(
                "UPDATE notification_deliveries SET state = 'sending', attempts = 1 WHERE channel = 'email'",
                java.sql.PreparedStatement::executeUpdate));

        BatchOutcome redelivered = processor.process(consumer, List.of(Delivery.first(envelope)));

        assertThat(redelivered.succeeded()).containsExactly(envelope);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(hooks.received).hasSize(1);
        assertThat(states()).containsEntry("email", "sending").containsEntry("webhook", "sent");
        assertThat(notificationSent()).extracting(s -> s.get("channel")).doesNotContain("email");
    }

    @Test
    void duringQuietHoursNoEmailOrWebhookGoesOutButTheInAppNotificationIsStored() {
        // 12:00-14:00 in Berlin (UTC+2 in summer) covers 10:00-12:00 UTC.
        adaWantsCompletionsEverywhere(QuietHours.parse("12:00", "14:00", "Europe/Berlin"));
        var event = completedAt(Instant.parse("2026-06-01T11:00:00Z"));

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(hooks.received).isEmpty();
        assertThat(inAppIds()).hasSize(1);
        assertThat(states()).containsOnly(Map.entry("email", "skipped"), Map.entry("webhook", "skipped"));
        assertThat(details()).containsOnly("quiet hours");
        assertThat(notificationSent()).extracting(s -> s.get("channel")).containsExactly("in-app");
    }

    @Test
    void anEventTypeTheUserDidNotChooseNotifiesNobody() {
        var event = completed();

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(inAppIds()).isEmpty();
        assertThat(states()).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAnSmtpHostTheEmailIsRecordedAsSkippedAndNothingIsThrown() {
        context.close();
        context = TestContexts.start(Map.of("taskflow.webhook.allow-private", true), deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        consumer = context.getBean(NotificationsConsumer.class);
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        insertUser(ADA, ADA_EMAIL);
        adaWantsCompletionsEverywhere(null);
        var event = completed();

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(states()).containsEntry("email", "skipped").containsEntry("webhook", "sent");
        assertThat(details()).contains(SmtpEmailSender.NOT_CONFIGURED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private NotificationPreferences adaWantsCompletionsEverywhere(QuietHours quiet) {
        return context.getBean(ManagePreferences.class)
                .replace(
                        ADA,
                        new PreferencesChange(
                                Set.of(EventType.TASK_COMPLETED),
                                Set.of(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP),
                                quiet,
                                hooks.url(),
                                false));
    }

    private EventEnvelope completed() {
        return completedAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static EventEnvelope completedAt(Instant at) {
        var task = Task.create(
                        UUID.randomUUID(),
                        ADA,
                        TaskFixtures.details().title("File the taxes").build(),
                        at.minusSeconds(60))
                .complete(at);
        return Envelopes.of(new TaskCompleted(UUID.randomUUID(), at, ADA, task));
    }

    private void insertUser(UUID id, String email) {
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO users (id, email, display_name, password_hash, version, created_at)"
                        + " VALUES (?, ?, 'Ada', 'x', 1, CURRENT_TIMESTAMP)",
                ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, email);
                    return ps.executeUpdate();
                }));
    }

    private List<String> inAppIds() {
        return strings("SELECT id FROM notifications ORDER BY created_at");
    }

    private List<String> details() {
        return strings("SELECT detail FROM notification_deliveries");
    }

    private String deliveryId(Channel channel) {
        return strings("SELECT id FROM notification_deliveries WHERE channel = '" + channel.wireName() + "'")
                .get(0);
    }

    private int attempts(Channel channel) {
        return Integer.parseInt(
                strings("SELECT attempts FROM notification_deliveries WHERE channel = '" + channel.wireName() + "'")
                        .get(0));
    }

    private Map<String, String> states() {
        var states = new HashMap<String, String>();
        for (String row : strings("SELECT channel || '=' || state FROM notification_deliveries")) {
            states.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return states;
    }

    private List<Map<String, Object>> notificationSent() {
        return strings("SELECT data FROM outbox WHERE event_type = 'notification.sent' ORDER BY id").stream()
                .map(this::json)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String text) {
        try {
            return context.getBean(JsonMapper.class).readValue(text, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            var values = new ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }
}
