package io.taskflow.core.notification;

import static io.taskflow.core.notification.NotificationEvents.ADA;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.NotificationSent;
import io.taskflow.core.testing.NotificationFakes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliverNotificationsTest {
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private final NotificationFakes fakes = new NotificationFakes();
    private NotificationPreferences prefs;

    @BeforeEach
    void adaWantsCompletionsEverywhere() {
        fakes.addContact(ADA, "ada@example.com");
        prefs = fakes.managePreferences()
                .replace(
                        ADA,
                        new PreferencesChange(
                                Set.of(EventType.TASK_COMPLETED),
                                Set.of(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP),
                                null,
                                URI.create("https://hooks.example.com/ada"),
                                false));
    }

    @Test
    void eachPendingDeliveryIsSentOnceAndPublishedAsNotificationSent() {
        var event = recorded();

        var outcomes = fakes.deliverNotifications().deliver(event);

        assertThat(outcomes).hasSize(2).allMatch(DeliveryOutcome::sent);
        assertThat(fakes.email().attempts).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ada@example.com");
            assertThat(mail.subject()).isEqualTo("[Taskflow] Task completed: Pay the rent");
            assertThat(mail.body()).contains("Task completed: Pay the rent");
        });
        assertThat(fakes.webhooks().attempts).singleElement().satisfies(hook -> {
            assertThat(hook.target()).isEqualTo(prefs.webhook());
            assertThat(hook.notification().causeEventId()).isEqualTo(event.eventId());
        });
        assertThat(fakes.deliveries().all()).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SENT);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .extracting(NotificationSent::channel)
                .containsExactlyInAnyOrder("in-app", "email", "webhook");
        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .allSatisfy(sent -> assertThat(sent.causeEventId()).isEqualTo(event.eventId()))
                .extracting(NotificationSent::aggregateId)
                .containsOnly(fakes.inApp().all().get(0).id());
    }

    @Test
    void aSecondDeliveryOfTheEventSendsNothingAgain() {
        var event = recorded();
        fakes.deliverNotifications().deliver(event);

        var again = fakes.deliverNotifications().deliver(event);

        assertThat(again).isEmpty();
        assertThat(fakes.email().attempts).hasSize(1);
        assertThat(fakes.webhooks().attempts).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRecordedAndRetriedOnTheNextRunAloneWithTheSameWebhookId() {
        fakes.webhooks().answer(new SendOutcome.Failed("HTTP 500"));
        var event = recorded();

        var first = fakes.deliverNotifications().deliver(event);
        fakes.clock().advance(Duration.ofSeconds(3));
        var second = fakes.deliverNotifications().deliver(event);

        assertThat(first)
                .filteredOn(DeliveryOutcome::failed)
                .singleElement()
                .satisfies(o -> assertThat(o.delivery().channel()).isEqualTo(Channel.WEBHOOK));
        assertThat(second).singleElement().satisfies(o -> {
            assertThat(o.sent()).isTrue();
            assertThat(o.delivery().channel()).isEqualTo(Channel.WEBHOOK);
            assertThat(o.delivery().detail()).isEqualTo("HTTP 500");
        });
        assertThat(fakes.email().attempts).hasSize(1);
        assertThat(fakes.webhooks().attempts)
                .extracting(WebhookMessage::webhookId)
                .hasSize(2)
                .containsOnly(fakes.webhooks().attempts.get(0).webhookId());
        assertThat(fakes.webhooks().attempts.get(1).timestamp())
                .isAfter(fakes.webhooks().attempts.get(0).timestamp());
        var webhook = fakes.deliveries().all().stream()
                .filter(d -> d.channel() == Channel.WEBHOOK)
                .findFirst()
                .orElseThrow();
        assertThat(webhook.state()).isEqualTo(DeliveryState.SENT);
        assertThat(webhook.attempts()).isEqualTo(2);
        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .filteredOn(s -> s.channel().equals("webhook"))
                .hasSize(1);
    }

    @Test
    void aDeliveryLeftSendingByACrashIsNeverSentAgain() {
        var event = recorded();
        var email = fakes.deliveries().all().stream()
                .filter(d -> d.channel() == Channel.EMAIL)
                .findFirst()
                .orElseThrow();
        fakes.deliveries().force(email.id(), DeliveryState.SENDING);

        var outcomes = fakes.deliverNotifications().deliver(event);

        assertThat(outcomes).extracting(o -> o.delivery().channel()).containsExactly(Channel.WEBHOOK);
        assertThat(fakes.email().attempts).isEmpty();
        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .extracting(NotificationSent::channel)
                .doesNotContain("email");
    }

    @Test
    void aSenderThatThrowsCountsAsAFailureAndTheDeliveryDoesNotStayClaimed() {
        fakes.webhooks().throwing(new IllegalStateException("bug"));
        var event = recorded();

        var outcomes = fakes.deliverNotifications().deliver(event);

        assertThat(outcomes)
                .filteredOn(DeliveryOutcome::failed)
                .singleElement()
                .satisfies(o ->
                        assertThat(((SendOutcome.Failed) o.outcome()).error()).isEqualTo("IllegalStateException: bug"));
        assertThat(fakes.deliveries().all())
                .filteredOn(d -> d.channel() == Channel.WEBHOOK)
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.FAILED));
    }

    @Test
    void aSkippedOutcomeIsRecordedWithItsReasonAndNotRetried() {
        fakes.email().answer(new SendOutcome.Skipped("smtp not configured"));
        var event = recorded();

        fakes.deliverNotifications().deliver(event);
        var again = fakes.deliverNotifications().deliver(event);

        assertThat(again).isEmpty();
        assertThat(fakes.deliveries().all())
                .filteredOn(d -> d.channel() == Channel.EMAIL)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.state()).isEqualTo(DeliveryState.SKIPPED);
                    assertThat(d.detail()).isEqualTo("smtp not configured");
                });
        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .extracting(NotificationSent::channel)
                .doesNotContain("email");
    }

    @Test
    void aUserWithoutAnAddressIsSkippedForEmail() {
        var stranger = java.util.UUID.randomUUID();
        fakes.managePreferences()
                .replace(
                        stranger,
                        new PreferencesChange(
                                Set.of(EventType.TASK_COMPLETED), Set.of(Channel.EMAIL), null, null, false));
        var event = NotificationEvents.completed(stranger, NOON);
        fakes.notifyUser().record(event);

        var outcomes = fakes.deliverNotifications().deliver(event);

        assertThat(outcomes)
                .singleElement()
                .satisfies(o -> assertThat(o.outcome())
                        .isEqualTo(new SendOutcome.Skipped(DeliverNotifications.NO_EMAIL_ADDRESS)));
    }

    @Test
    void aWebhookRemovedBeforeSendingIsSkipped() {
        var event = recorded();
        fakes.managePreferences().replace(ADA, new PreferencesChange(null, null, null, null, false));

        var outcomes = fakes.deliverNotifications().deliver(event);

        assertThat(outcomes)
                .filteredOn(o -> o.delivery().channel() == Channel.WEBHOOK)
                .singleElement()
                .satisfies(
                        o -> assertThat(o.outcome()).isEqualTo(new SendOutcome.Skipped(ChannelPolicy.NO_WEBHOOK_URL)));
        assertThat(fakes.webhooks().attempts).isEmpty();
    }

    private DomainEvent recorded() {
        var event = NotificationEvents.completed(ADA, NOON);
        fakes.notifyUser().record(event);
        return event;
    }
}
