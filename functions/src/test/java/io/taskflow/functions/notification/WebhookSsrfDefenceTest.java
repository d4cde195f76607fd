package io.taskflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Notification;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.core.notification.WebhookMessage;
import io.taskflow.core.notification.WebhookTarget;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook URLs cannot make the server call loopback, private, link-local or metadata addresses: refused when saved,
 * and not connected to when called (so a DNS answer that changed since the save does not get through either). Tests
 * use loopback receivers only, which configuration must allow explicitly.
 */
class WebhookSsrfDefenceTest {
    private final WebhookDestinations closed = new WebhookDestinations(false, List.of());
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254",
                "169.254.1.1",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fd00:ec2::254",
                "fc00::5",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::",
                "ff02::1"
            })
    void givenALoopbackPrivateLinkLocalOrMetadataAddressThenItIsForbidden(String literal) throws Exception {
        assertThat(WebhookDestinations.forbidden(InetAddress.getByName(literal)))
                .as(literal)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void givenAPublicAddressThenItIsAllowed(String literal) throws Exception {
        assertThat(WebhookDestinations.forbidden(InetAddress.getByName(literal)))
                .as(literal)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5/internal",
                "http://0.0.0.0:5432/",
                "http://[fd00:ec2::254]/"
            })
    void givenAUrlOfAForbiddenDestinationWhenSavedThenItIsRefusedNamingTheField(String url) {
        assertThatThrownBy(() -> closed.checkSaved(URI.create(url)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("webhook.url"));
    }

    @Test
    void givenAPublicAddressWhenSavedThenItIsAccepted() {
        closed.checkSaved(URI.create("https://93.184.215.14/hook"));
    }

    @Test
    void givenPrivateDestinationsAllowedByConfigurationWhenALoopbackUrlIsSavedThenItIsAccepted() {
        new WebhookDestinations(true, List.of()).checkSaved(URI.create("http://127.0.0.1:8080/hook"));
    }

    @Test
    void givenAnAllowedHostWhenSavedThenOnlyThatHostMayBePrivate() {
        var destinations = new WebhookDestinations(false, List.of("localhost"));
        destinations.checkSaved(URI.create("http://localhost:8080/hook"));
        assertThatThrownBy(() -> destinations.checkSaved(URI.create("http://127.0.0.1:8080/hook")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void givenAStoredLoopbackUrlWhenTheWebhookIsCalledThenNoConnectionIsMadeAndTheDeliveryFails() {
        var sender = new HttpWebhookSender(JsonMapper.createDefault(), closed, Duration.ofSeconds(2));

        SendOutcome outcome = sender.send(message(receiver.url()));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).error()).startsWith("forbidden destination");
        assertThat(receiver.received).isEmpty();
        sender.close();
    }

    @Test
    void givenAHostNameThatResolvesToLoopbackWhenTheWebhookIsCalledThenNoConnectionIsMade() {
        var sender = new HttpWebhookSender(JsonMapper.createDefault(), closed, Duration.ofSeconds(2));
        URI byName = URI.create("http://localhost:" + receiver.url().getPort() + "/hooks/taskflow");

        SendOutcome outcome = sender.send(message(byName));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(receiver.received).isEmpty();
        sender.close();
    }

    @Test
    void givenPrivateDestinationsAllowedWhenTheWebhookIsCalledThenItIsDelivered() {
        var sender = new HttpWebhookSender(
                JsonMapper.createDefault(), new WebhookDestinations(true, List.of()), Duration.ofSeconds(2));

        assertThat(sender.send(message(receiver.url()))).isEqualTo(SendOutcome.sent());
        assertThat(receiver.received).hasSize(1);
        sender.close();
    }

    @Test
    void givenATargetThatAnswersWithARedirectWhenCalledThenTheRedirectIsNotFollowedAndTheDeliveryFails() {
        var sender = new HttpWebhookSender(
                JsonMapper.createDefault(), new WebhookDestinations(true, List.of()), Duration.ofSeconds(2));
        receiver.status.set(302);

        assertThat(sender.send(message(receiver.url()))).isEqualTo(new SendOutcome.Failed("HTTP 302"));
        assertThat(receiver.received).hasSize(1);
        sender.close();
    }

    private static WebhookMessage message(URI url) {
        var notification = new Notification(
                UUID.randomUUID(),
                UUID.randomUUID(),
                EventType.TASK_CREATED,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "title",
                "message",
                Instant.now(),
                null);
        return new WebhookMessage(
                UUID.randomUUID().toString(),
                new WebhookTarget(url, WebhookTarget.newSecret(new Random(1))),
                Instant.now(),
                notification);
    }
}
