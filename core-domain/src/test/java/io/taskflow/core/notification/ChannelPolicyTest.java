package io.taskflow.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.event.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {
    private static final Instant NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant LATE_UTC = Instant.parse("2026-03-02T23:00:00Z");
    private static final WebhookTarget HOOK =
            new WebhookTarget(URI.create("https://hooks.example.com/t"), "whsec_" + "A".repeat(44));

    @Test
    void theDefaultsStoreInAppAndSendEmailForRemindersOnly() {
        var reminder = ChannelPolicy.decide(NotificationPreferences.DEFAULTS, EventType.REMINDER_TRIGGERED, NOON_UTC);
        var created = ChannelPolicy.decide(NotificationPreferences.DEFAULTS, EventType.TASK_CREATED, NOON_UTC);

        assertThat(reminder.wanted()).isTrue();
        assertThat(reminder.inApp()).isTrue();
        assertThat(reminder.send()).containsExactly(Channel.EMAIL);
        assertThat(reminder.skipped()).isEmpty();
        assertThat(created.wanted()).isFalse();
        assertThat(created.isEmpty()).isTrue();
    }

    @Test
    void everyChosenChannelIsUsedOutsideQuietHours() {
        var all = prefs(Set.of(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP), night("UTC"), HOOK);

        var decision = ChannelPolicy.decide(all, EventType.TASK_COMPLETED, NOON_UTC);

        assertThat(decision.inApp()).isTrue();
        assertThat(decision.send()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.WEBHOOK);
        assertThat(decision.skipped()).isEmpty();
    }

    @Test
    void quietHoursSkipEmailAndWebhookButStillStoreInApp() {
        var all = prefs(Set.of(Channel.EMAIL, Channel.WEBHOOK, Channel.IN_APP), night("UTC"), HOOK);

        var decision = ChannelPolicy.decide(all, EventType.TASK_COMPLETED, LATE_UTC);

        assertThat(decision.inApp()).isTrue();
        assertThat(decision.send()).isEmpty();
        assertThat(decision.skipped())
                .isEqualTo(
                        Map.of(Channel.EMAIL, ChannelPolicy.QUIET_HOURS, Channel.WEBHOOK, ChannelPolicy.QUIET_HOURS));
    }

    @Test
    void quietHoursAreJudgedInTheUsersZoneAtTheTimeOfTheEvent() {
        // 23:00 UTC is 08:00 the next morning in Tokyo: after a 22:00-07:00 night there.
        var tokyo = prefs(Set.of(Channel.EMAIL), night("Asia/Tokyo"), null);
        // 12:00 UTC is 23:00 in Sydney (summer time, UTC+11): inside the night there.
        var sydney = prefs(Set.of(Channel.EMAIL), night("Australia/Sydney"), null);

        assertThat(ChannelPolicy.decide(tokyo, EventType.TASK_COMPLETED, LATE_UTC)
                        .send())
                .containsExactly(Channel.EMAIL);
        assertThat(ChannelPolicy.decide(sydney, EventType.TASK_COMPLETED, NOON_UTC)
                        .skipped())
                .containsEntry(Channel.EMAIL, ChannelPolicy.QUIET_HOURS);
    }

    @Test
    void aWebhookWithoutUrlIsSkippedWithTheReason() {
        var noUrl = prefs(Set.of(Channel.WEBHOOK, Channel.EMAIL), null, null);

        var decision = ChannelPolicy.decide(noUrl, EventType.TASK_COMPLETED, NOON_UTC);

        assertThat(decision.send()).containsExactly(Channel.EMAIL);
        assertThat(decision.skipped()).isEqualTo(Map.of(Channel.WEBHOOK, ChannelPolicy.NO_WEBHOOK_URL));
        assertThat(decision.inApp()).isFalse();
    }

    @Test
    void aChannelTheUserDidNotChooseIsNeitherSentNorRecorded() {
        var inAppOnly = prefs(Set.of(Channel.IN_APP), null, HOOK);

        var decision = ChannelPolicy.decide(inAppOnly, EventType.TASK_COMPLETED, NOON_UTC);

        assertThat(decision.inApp()).isTrue();
        assertThat(decision.send()).isEmpty();
        assertThat(decision.skipped()).isEmpty();
    }

    @Test
    void noChannelsAtAllLeaveNothingToDo() {
        var none = prefs(Set.of(), null, null);

        assertThat(ChannelPolicy.decide(none, EventType.TASK_COMPLETED, NOON_UTC)
                        .isEmpty())
                .isTrue();
    }

    private static QuietHours night(String zone) {
        return QuietHours.parse("22:00", "07:00", zone);
    }

    private static NotificationPreferences prefs(Set<Channel> channels, QuietHours quiet, WebhookTarget hook) {
        return new NotificationPreferences(Set.of(EventType.TASK_COMPLETED), channels, quiet, hook, false);
    }
}
