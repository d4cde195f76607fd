package io.taskflow.core.notification;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.EventType;
import java.net.URI;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferencesValidationTest {

    @Test
    void absentEventsAndChannelsTakeTheirDefaults() {
        var change = new PreferencesChange(null, null, null, null, true);

        assertThat(change.events()).containsExactly(EventType.REMINDER_TRIGGERED);
        assertThat(change.channels()).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
        assertThat(change.digest()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user.registered", "notification.sent", "task.exploded", "TASK.CREATED", ""})
    void onlyTheSixNotifiableTypesAreAccepted(String name) {
        assertInvalidInput("events[0]", () -> NotificationPreferences.parseEvent("events[0]", name));
    }

    @Test
    void anEventTypeThatNotifiesNoOneIsRefusedEvenWhenGivenAsAType() {
        assertInvalidInput(
                "events", () -> new PreferencesChange(Set.of(EventType.USER_REGISTERED), null, null, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "EMAIL", "in_app", ""})
    void unknownChannelsAreRefused(String name) {
        assertInvalidInput("channels[1]", () -> Channel.parse("channels[1]", name));
    }

    @Test
    void theWebhookChannelNeedsAUrl() {
        assertInvalidInput(
                "webhook.url", () -> new PreferencesChange(null, Set.of(Channel.WEBHOOK), null, null, false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/hook",
                "/relative/hook",
                "example.com/hook",
                "https://",
                "https:///nohost",
                "javascript:alert(1)",
                "http://exa mple.com/"
            })
    void aWebhookUrlMustBeAnAbsoluteHttpOrHttpsUrl(String url) {
        assertInvalidInput("webhook.url", () -> WebhookTarget.parseUrl(url));
    }

    @Test
    void anOverlongWebhookUrlIsRefused() {
        assertInvalidInput(
                "webhook.url",
                () -> WebhookTarget.parseUrl("https://example.com/" + "a".repeat(WebhookTarget.MAX_URL)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://hooks.example.com/taskflow?x=1", "http://127.0.0.1:8080/hook", "HTTPS://EXAMPLE.COM"})
    void httpAndHttpsUrlsAreAccepted(String url) {
        assertThat(WebhookTarget.parseUrl(url)).hasToString(url);
    }

    @Test
    void aGeneratedSecretIsWhsecAndTheBase64Of32RandomBytes() {
        String secret = WebhookTarget.newSecret(new Random(1));
        String other = WebhookTarget.newSecret(new Random(2));

        assertThat(secret).startsWith("whsec_").isNotEqualTo(other);
        var target = new WebhookTarget(URI.create("https://example.com/h"), secret);
        assertThat(target.key()).hasSize(32);
        assertThat(target.toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void aSecretOfTooFewBytesIsNotASecret() {
        assertThatThrownBy(() -> new WebhookTarget(URI.create("https://example.com/h"), "whsec_c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
