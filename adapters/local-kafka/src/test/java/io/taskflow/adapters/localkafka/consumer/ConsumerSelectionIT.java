package io.taskflow.adapters.localkafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.livefeed.LiveFeedListener;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** {@code TASKFLOW_CONSUMERS} in the Kafka runtime: a process starts the listeners of the named consumers only. */
class ConsumerSelectionIT {

    @Test
    void aProcessStartsTheListenersOfTheSelectedConsumersOnly() {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.put("taskflow.consumers.enabled", "audit,livefeed");
        properties.put("datasources.default.maximum-pool-size", 4);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            var context = server.getApplicationContext();

            assertThat(context.findBean(AuditListener.class)).isPresent();
            assertThat(context.findBean(LiveFeedListener.class)).isPresent();
            assertThat(context.findBean(NotificationsListener.class)).isEmpty();
            assertThat(context.findBean(AnalyticsListener.class)).isEmpty();
            assertThat(context.findBean(RecurrenceListener.class)).isEmpty();
            // One Kafka consumer per listener started: audit's and the live feed's.
            assertThat(context.getBean(ConsumerRegistry.class).getConsumerIds()).hasSize(2);
        }
    }
}
