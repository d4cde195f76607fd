package io.taskflow.core.notification;

import static io.taskflow.core.notification.NotificationEvents.ADA;
import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.testing.NotificationFakes;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadNotificationsTest {
    private final NotificationFakes fakes = new NotificationFakes();
    private final ReadNotifications read = fakes.readNotifications();

    @Test
    void theListIsTheUsersOwnNewestFirstAndPagesWithoutGaps() {
        var ids = new java.util.ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            ids.add(notify(ADA));
            fakes.clock().advance(Duration.ofSeconds(1));
        }
        notify(UUID.randomUUID());

        var first = read.list(new NotificationQuery(ADA, false, 3, null));
        var second = read.list(new NotificationQuery(ADA, false, 3, first.next()));

        assertThat(first.items()).extracting(Notification::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(second.items()).extracting(Notification::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.next()).isNull();
    }

    @Test
    void markingReadRemovesItFromTheUnreadListAndKeepsTheFirstReadTime() {
        UUID first = notify(ADA);
        UUID second = notify(ADA);

        read.markRead(ADA, first);
        var readAt = fakes.inApp().all().get(0).readAt();
        fakes.clock().advance(Duration.ofMinutes(5));
        read.markRead(ADA, first);

        assertThat(read.list(new NotificationQuery(ADA, true, 10, null)).items())
                .extracting(Notification::id)
                .containsExactly(second);
        assertThat(read.list(new NotificationQuery(ADA, false, 10, null)).items())
                .hasSize(2);
        assertThat(fakes.inApp().all().get(0).readAt()).isEqualTo(readAt).isNotNull();
    }

    @Test
    void anotherUsersNotificationCannotBeMarkedRead() {
        UUID bobs = notify(UUID.randomUUID());

        assertThatThrownBy(() -> read.markRead(ADA, bobs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> read.markRead(ADA, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(fakes.inApp().all()).allMatch(n -> !n.isRead());
    }

    @Test
    void theLimitIsCappedAtOneHundredAndMustBePositive() {
        assertThat(new NotificationQuery(ADA, false, 1_000, null).limit()).isEqualTo(100);
        assertInvalidInput("limit", () -> new NotificationQuery(ADA, false, 0, null));
    }

    @Test
    void aCursorSurvivesItsEncoding() {
        var cursor = new NotificationCursor(fakes.clock().now(), UUID.randomUUID());

        assertThat(NotificationCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertInvalidInput("cursor", () -> NotificationCursor.decode("nope"));
    }

    private UUID notify(UUID user) {
        return fakes.notifyUser()
                .record(NotificationEvents.reminder(user, fakes.clock().now()))
                .notificationId();
    }
}
