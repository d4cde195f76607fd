package io.taskflow.adapters.azure.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventData;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The SDK's producer client as the app configures it, without an Event Hubs to reach: what it does when the
 * namespace cannot be reached (nothing listens on the AMQP port of 127.0.0.1) is fail the send within the configured
 * bounds, which the publisher turns into rows left for the sweep.
 */
class SdkEventHubsSenderTest {
    private static final TokenCredential NO_TOKEN =
            request -> Mono.just(new AccessToken("unused", OffsetDateTime.now().plusHours(1)));

    @Test
    void withoutANamespaceConfiguredASendIsRefusedWithWhatToSet() {
        var sender = new SdkEventHubsSender("", "", Duration.ofSeconds(1), 0, NO_TOKEN);

        assertThatThrownBy(() -> sender.send("task.created", "a", List.of(new EventData("{}"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TASKFLOW_EVENTHUBS_NAMESPACE");
    }

    @Test
    void aNamespaceThatCannotBeReachedFailsTheSendWithinItsBoundsInsteadOfHangingTheInvocation() {
        var sender = new SdkEventHubsSender(
                "",
                "Endpoint=sb://127.0.0.1/;SharedAccessKeyName=send;SharedAccessKey=bm90LWEta2V5",
                Duration.ofSeconds(2),
                0,
                NO_TOKEN);
        long started = System.nanoTime();

        try {
            assertThatThrownBy(() -> sender.send("task.created", "a", List.of(new EventData("{}"))))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            sender.close();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
}
