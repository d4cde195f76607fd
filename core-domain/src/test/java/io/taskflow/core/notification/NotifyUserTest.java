package io.taskflow.core.notification;

import static io.taskflow.core.notification.NotificationEvents.ADA;
import static io.taskflow.core.notification.NotificationEvents.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.EventType;
import io.taskflow.core.event.NotificationSent;
import io.taskflow.core.testing.NotificationFakes;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotifyUserTest {
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-02T23:30:00Z");

    private final NotificationFakes fakes = new NotificationFakes();

    @Test
    void aReminderWithTheDefaultsStoresTheInAppNotificationAndAPendingEmail() {
        var reminder = NotificationEvents.reminder(ADA, NOON);

        var recorded = fakes.notifyUser().record(reminder);

        assertThat(fakes.inApp().all()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(recorded.notificationId());
            assertThat(n.userId()).isEqualTo(ADA);
            assertThat(n.causeType()).isEqualTo(EventType.REMINDER_TRIGGERED);
            assertThat(n.causeEventId()).isEqualTo(reminder.eventId());
            assertThat(n.taskId()).isEqualTo(TASK);
            assertThat(n.title()).isEqualTo("Pay the rent");
            assertThat(n.message()).startsWith("Reminder: Pay the rent");
            assertThat(n.isRead()).isFalse();
        });
        assertThat(fakes.deliveries().all()).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(Channel.EMAIL);
            assertThat(d.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(d.notificationId()).isEqualTo(recorded.notificationId());
            assertThat(d.attempts()).isZero();
        });
        assertThat(fakes.email().attempts).isEmpty();
    }

    @Test
    void theInAppNotificationIsPublishedAsNotificationSentOnTheInAppChannel() {
        var reminder = NotificationEvents.reminder(ADA, NOON);

        var recorded = fakes.notifyUser().record(reminder);

        assertThat(fakes.outbox().eventsOf(NotificationSent.class))
                .singleElement()
                .satisfies(sent -> {
                    assertThat(sent.channel()).isEqualTo("in-app");
                    assertThat(sent.aggregateId()).isEqualTo(recorded.notificationId());
                    assertThat(sent.actorId()).isEqualTo(ADA);
                    assertThat(sent.causeEventId()).isEqualTo(reminder.eventId());
                    assertThat(sent.causeType()).isEqualTo(EventType.REMINDER_TRIGGERED);
                });
    }

    @Test
    void anEventTypeTheUserDidNotChooseRecordsNothing() {
        var recorded = fakes.notifyUser().record(NotificationEvents.created(ADA, NOON));

        assertThat(recorded.notificationId()).isNull();
        assertThat(fakes.inApp().all()).isEmpty();
        assertThat(fakes.deliveries().all()).isEmpty();
        assertThat(fakes.outbox().events()).isEmpty();
    }

    @Test
    void onlyTheActorsPreferencesCount() {
        UUID bob = UUID.randomUUID();
        fakes.managePreferences()
                .replace(bob, new PreferencesChange(Set.of(EventType.TASK_CREATED), null, null, null, false));

        fakes.notifyUser().record(NotificationEvents.created(ADA, NOON));

        assertThat(fakes.inApp().all()).isEmpty();
    }

    @Test
    void duringQuietHoursTheOutsideChannelsAreRecordedAsSkippedAndInAppIsStillStored() {
        fakes.managePreferences()
                .replace(
                        ADA,
                        new PreferencesChange(
                                Set.of(EventType.TASK_COMPLETED),
                                Set.of(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP),
                                QuietHours.parse("23:00", "06:00", "UTC"),
                                URI.create("https://hooks.example.com/ada"),
                                false));

        var recorded = fakes.notifyUser().record(NotificationEvents.completed(ADA, MIDNIGHT));

        assertThat(recorded.inApp()).isTrue();
        assertThat(recorded.pending()).isEmpty();
        assertThat(fakes.inApp().all()).hasSize(1);
        assertThat(fakes.deliveries().all())
                .extracting(Delivery::channel, Delivery::state, Delivery::detail)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, DeliveryState.SKIPPED, "quiet hours"),
                        org.assertj.core.groups.Tuple.tuple(Channel.WEBHOOK, DeliveryState.SKIPPED, "quiet hours"));
    }

    @Test
    void whenTheOutboxFailsNothingIsStored() {
        fakes.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> fakes.notifyUser().record(NotificationEvents.reminder(ADA, NOON)))
                .hasMessage("outbox down");

        assertThat(fakes.inApp().all()).isEmpty();
        assertThat(fakes.deliveries().all()).isEmpty();
    }

    @Test
    void everyNotifiableTypeHasWordsOfItsOwn() {
        var all = new PreferencesChange(NotificationPreferences.NOTIFIABLE, Set.of(Channel.IN_APP), null, null, false);
        fakes.managePreferences().replace(ADA, all);

        for (var event : java.util.List.of(
                NotificationEvents.created(ADA, NOON),
                NotificationEvents.updated(ADA, NOON),
                NotificationEvents.completed(ADA, NOON),
                new io.taskflow.core.event.TaskDeleted(UUID.randomUUID(), NOON, ADA, TASK, 3),
                NotificationEvents.reminder(ADA, NOON),
                NotificationEvents.authenticated(ADA, NOON))) {
            fakes.notifyUser().record(event);
        }

        assertThat(fakes.inApp().all())
                .extracting(Notification::message)
                .containsExactlyInAnyOrder(
                        "Task created: Pay the rent",
                        "Task updated: Pay the rent (changed: dueAt, title)",
                        "Task completed: Pay the rent",
                        "Task " + TASK + " was deleted",
                        "Reminder: Pay the rent (set for 2026-03-02T12:00:00Z)",
                        "Your account was signed in to at 2026-03-02T12:00:00Z");
    }
}
