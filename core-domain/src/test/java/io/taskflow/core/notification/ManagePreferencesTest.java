package io.taskflow.core.notification;

import static io.taskflow.core.notification.NotificationEvents.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.event.EventType;
import io.taskflow.core.testing.NotificationFakes;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManagePreferencesTest {
    private static final URI HOOK = URI.create("https://hooks.example.com/ada");
    private final NotificationFakes fakes = new NotificationFakes();
    private final ManagePreferences preferences = fakes.managePreferences();

    @Test
    void aUserWhoNeverSavedAnyGetsTheDefaults() {
        assertThat(preferences.get(UUID.randomUUID())).isEqualTo(NotificationPreferences.DEFAULTS);
        assertThat(NotificationPreferences.DEFAULTS.digest()).isFalse();
        assertThat(NotificationPreferences.DEFAULTS.quietHours()).isNull();
        assertThat(NotificationPreferences.DEFAULTS.webhook()).isNull();
    }

    @Test
    void aReplacementIsStoredWholeAndReadBack() {
        var quiet = QuietHours.parse("22:00", "07:00", "Europe/Berlin");

        var saved = preferences.replace(
                ADA,
                new PreferencesChange(
                        Set.of(EventType.TASK_COMPLETED, EventType.USER_AUTHENTICATED),
                        Set.of(Channel.WEBHOOK),
                        quiet,
                        HOOK,
                        true));

        assertThat(preferences.get(ADA)).isEqualTo(saved);
        assertThat(saved.events()).containsExactly(EventType.TASK_COMPLETED, EventType.USER_AUTHENTICATED);
        assertThat(saved.channels()).containsExactly(Channel.WEBHOOK);
        assertThat(saved.quietHours()).isEqualTo(quiet);
        assertThat(saved.webhook().url()).isEqualTo(HOOK);
        assertThat(saved.digest()).isTrue();
    }

    @Test
    void theWebhookSecretIsMadeOnceAndKeptWhenTheUrlChanges() {
        var first = preferences.replace(ADA, withHook(HOOK));
        var again = preferences.replace(ADA, withHook(HOOK));
        var moved = preferences.replace(ADA, withHook(URI.create("https://other.example.com/ada")));

        assertThat(first.webhook().secret()).startsWith("whsec_");
        assertThat(again.webhook().secret()).isEqualTo(first.webhook().secret());
        assertThat(moved.webhook().secret()).isEqualTo(first.webhook().secret());
        assertThat(moved.webhook().url()).hasToString("https://other.example.com/ada");
    }

    @Test
    void removingTheWebhookDropsTheSecretAndANewUrlGetsANewOne() {
        var first = preferences.replace(ADA, withHook(HOOK));
        var removed = preferences.replace(ADA, new PreferencesChange(null, null, null, null, false));
        var second = preferences.replace(ADA, withHook(HOOK));

        assertThat(removed.webhook()).isNull();
        assertThat(second.webhook().secret()).isNotEqualTo(first.webhook().secret());
    }

    @Test
    void eachUserHasTheirOwnSecret() {
        var ada = preferences.replace(ADA, withHook(HOOK));
        var bob = preferences.replace(UUID.randomUUID(), withHook(HOOK));

        assertThat(ada.webhook().secret()).isNotEqualTo(bob.webhook().secret());
    }

    @Test
    void anInvalidReplacementChangesNothing() {
        var saved = preferences.replace(ADA, withHook(HOOK));

        Throwable refused = catchThrowable(() ->
                preferences.replace(ADA, new PreferencesChange(null, Set.of(Channel.WEBHOOK), null, null, false)));

        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(preferences.get(ADA)).isEqualTo(saved);
    }

    private static PreferencesChange withHook(URI url) {
        return new PreferencesChange(null, Set.of(Channel.WEBHOOK, Channel.IN_APP), null, url, false);
    }
}
